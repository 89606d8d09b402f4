//! The labels, hints and reasons of the kinds' specs in every locale
//! (README, Locales and params). The English stays where each spec is; this
//! table gives each English string its French, Spanish, German and Dutch,
//! with the same placeholders (`{number}`, `{country}`). A test asserts that
//! every string a spec holds has a row here.

use std::sync::LazyLock;

use crate::locale::Locale;
use crate::messages::{split_texts, text_in, Texts};

/// The rows written `[en, fr, es, de, nl]`, joined into one string (each
/// text ended by a NUL): no table of pointers in the data.
macro_rules! joined {
    ($([$en:literal, $fr:literal, $es:literal, $de:literal, $nl:literal $(,)?]),* $(,)?) => {
        concat!($($en, "\0", $fr, "\0", $es, "\0", $de, "\0", $nl, "\0",)*)
    };
}

/// Every string of the specs (and of completeness), English first, split
/// from [`JOINED`] once.
pub(crate) static TABLE: LazyLock<Vec<Texts>> = LazyLock::new(|| split_texts(JOINED));

const JOINED: &str = joined![
    // Labels.
    [
        "Account number",
        "Numéro de compte",
        "Número de cuenta",
        "Kundennummer",
        "Klantnummer",
    ],
    [
        "Address line 2",
        "Complément d'adresse",
        "Línea de dirección 2",
        "Adresszusatz",
        "Adresregel 2",
    ],
    [
        "Area code",
        "Indicatif régional",
        "Prefijo de zona",
        "Ortsvorwahl",
        "Netnummer",
    ],
    [
        "Authorized person's name",
        "Nom de la personne autorisée",
        "Nombre de la persona autorizada",
        "Name der berechtigten Person",
        "Naam van de gemachtigde",
    ],
    [
        "Billing phone number",
        "Numéro de téléphone de facturation",
        "Número de teléfono de facturación",
        "Rechnungstelefonnummer",
        "Factuurtelefoonnummer",
    ],
    [
        "Billing telephone number",
        "Numéro de téléphone de facturation",
        "Número telefónico de facturación",
        "Telefonnummer für die Rechnung",
        "Telefoonnummer voor facturatie",
    ],
    [
        "Business identifier",
        "Identifiant d'entreprise",
        "Identificador de empresa",
        "Unternehmenskennung",
        "Bedrijfsidentificatienummer",
    ],
    [
        "Callback URL",
        "URL de rappel",
        "URL de devolución de llamada",
        "Callback-URL",
        "Callback-URL",
    ],
    [
        "Caller ID name",
        "Nom affiché de l'appelant",
        "Nombre del identificador de llamadas",
        "Anzeigename des Anrufers",
        "Naam voor nummerweergave",
    ],
    [
        "Carrier name",
        "Nom de l'opérateur",
        "Nombre del operador",
        "Name des Netzbetreibers",
        "Naam van de provider",
    ],
    ["City", "Ville", "Ciudad", "Stadt", "Plaats"],
    ["Comment", "Commentaire", "Comentario", "Kommentar", "Opmerking"],
    [
        "Company profile",
        "Profil d'entreprise",
        "Perfil de empresa",
        "Unternehmensprofil",
        "Bedrijfsprofiel",
    ],
    ["Connection", "Connexion", "Conexión", "Verbindung", "Verbinding"],
    ["Country", "Pays", "País", "Land", "Land"],
    [
        "Customer contact number",
        "Numéro de contact du client",
        "Número de contacto del cliente",
        "Kontaktnummer des Kunden",
        "Contactnummer van de klant",
    ],
    [
        "Look up inbound caller ID",
        "Rechercher l'identité des appelants entrants",
        "Consultar el identificador de llamadas entrantes",
        "Anrufer-ID eingehender Anrufe nachschlagen",
        "Nummerweergave van inkomende oproepen opzoeken",
    ],
    [
        "Messaging profile",
        "Profil de messagerie",
        "Perfil de mensajería",
        "Messaging-Profil",
        "Berichtenprofiel",
    ],
    [
        "Name shown to emergency services",
        "Nom transmis aux services d'urgence",
        "Nombre que ven los servicios de emergencia",
        "Name für die Notrufdienste",
        "Naam die de hulpdiensten zien",
    ],
    [
        "New billing phone number",
        "Nouveau numéro de téléphone de facturation",
        "Nuevo número de teléfono de facturación",
        "Neue Rechnungstelefonnummer",
        "Nieuw factuurtelefoonnummer",
    ],
    [
        "Notify these e-mail addresses",
        "Avertir ces adresses e-mail",
        "Avisar a estas direcciones de correo electrónico",
        "Diese E-Mail-Adressen benachrichtigen",
        "Deze e-mailadressen waarschuwen",
    ],
    [
        "Number type",
        "Type de numéro",
        "Tipo de número",
        "Nummerntyp",
        "Nummertype",
    ],
    ["Numbers", "Numéros", "Números", "Nummern", "Nummers"],
    [
        "PIN or passcode",
        "Code PIN ou code secret",
        "PIN o código de acceso",
        "PIN oder Kennwort",
        "Pincode of toegangscode",
    ],
    [
        "Person or company name",
        "Nom de la personne ou de l'entreprise",
        "Nombre de la persona o de la empresa",
        "Name der Person oder des Unternehmens",
        "Naam van de persoon of het bedrijf",
    ],
    [
        "Phone numbers",
        "Numéros de téléphone",
        "Números de teléfono",
        "Telefonnummern",
        "Telefoonnummers",
    ],
    [
        "Porting type",
        "Type de portage",
        "Tipo de portabilidad",
        "Portierungsart",
        "Soort portering",
    ],
    [
        "Postal code",
        "Code postal",
        "Código postal",
        "Postleitzahl",
        "Postcode",
    ],
    ["Quantity", "Quantité", "Cantidad", "Menge", "Aantal"],
    [
        "Range size",
        "Taille de la plage",
        "Tamaño del rango",
        "Größe des Nummernblocks",
        "Grootte van het nummerblok",
    ],
    [
        "Remaining numbers",
        "Numéros restants",
        "Números restantes",
        "Übrige Nummern",
        "Overige nummers",
    ],
    [
        "Requested FOC date",
        "Date FOC demandée",
        "Fecha FOC solicitada",
        "Gewünschtes FOC-Datum",
        "Gevraagde FOC-datum",
    ],
    [
        "State on creation",
        "État à la création",
        "Estado al crear",
        "Status bei der Erstellung",
        "Status bij aanmaak",
    ],
    [
        "State or province",
        "État ou province",
        "Estado o provincia",
        "Bundesstaat oder Provinz",
        "Staat of provincie",
    ],
    [
        "State or region",
        "État ou région",
        "Estado o región",
        "Bundesstaat oder Region",
        "Staat of regio",
    ],
    [
        "Street address",
        "Adresse",
        "Dirección",
        "Straße und Hausnummer",
        "Straat en huisnummer",
    ],
    [
        "Sub requests",
        "Sous-demandes",
        "Subsolicitudes",
        "Teilaufträge",
        "Deelaanvragen",
    ],
    [
        "Suite, floor or apartment",
        "Bureau, étage ou appartement",
        "Oficina, planta o apartamento",
        "Büro, Etage oder Wohnung",
        "Kantoor, verdieping of appartement",
    ],
    [
        "Tax identifier",
        "Numéro fiscal",
        "Número de identificación fiscal",
        "Steuernummer",
        "Fiscaal nummer",
    ],
    [
        "ZIP+4 extension",
        "Extension ZIP+4",
        "Extensión ZIP+4",
        "ZIP+4-Zusatz",
        "ZIP+4-toevoeging",
    ],
    // Hints.
    ["A UUID", "Un UUID", "Un UUID", "Eine UUID", "Een UUID"],
    [
        "EU numbers only",
        "Numéros de l'UE uniquement",
        "Solo números de la UE",
        "Nur Nummern aus der EU",
        "Alleen nummers uit de EU",
    ],
    [
        "ISO code, such as US or DE",
        "Code ISO, comme US ou DE",
        "Código ISO, como US o DE",
        "ISO-Code, etwa US oder DE",
        "ISO-code, zoals US of DE",
    ],
    [
        "Separated by commas",
        "Séparées par des virgules",
        "Separadas por comas",
        "Durch Kommas getrennt",
        "Gescheiden door komma's",
    ],
    [
        "The numbers to check.",
        "Les numéros à vérifier.",
        "Los números que se van a comprobar.",
        "Die zu prüfenden Nummern.",
        "De te controleren nummers.",
    ],
    [
        "The numbers to look up.",
        "Les numéros à rechercher.",
        "Los números que se van a consultar.",
        "Die nachzuschlagenden Nummern.",
        "De op te zoeken nummers.",
    ],
    [
        "Two letters, such as IL",
        "Deux lettres, comme IL",
        "Dos letras, como IL",
        "Zwei Buchstaben, etwa IL",
        "Twee letters, zoals IL",
    ],
    [
        "Your local time",
        "Heure locale",
        "Hora local",
        "Ortszeit",
        "Lokale tijd",
    ],
    // Reasons.
    [
        "An area code or a city is required (either one satisfies both).",
        "Un indicatif régional ou une ville est obligatoire (l'un ou l'autre suffit).",
        "Se requiere un prefijo de zona o una ciudad (cualquiera de los dos basta).",
        "Eine Ortsvorwahl oder eine Stadt ist erforderlich (eines von beiden genügt).",
        "Een netnummer of een plaats is verplicht (een van beide volstaat).",
    ],
    [
        "Required because the remaining numbers are kept (remaining_numbers_action is keep).",
        "Obligatoire, car les numéros restants sont conservés (remaining_numbers_action vaut keep).",
        "Obligatorio porque se conservan los números restantes (remaining_numbers_action es keep).",
        "Erforderlich, weil die übrigen Nummern behalten werden (remaining_numbers_action ist keep).",
        "Verplicht omdat de overige nummers behouden blijven (remaining_numbers_action is keep).",
    ],
    [
        "Required because {number} is a wireless number.",
        "Obligatoire, car {number} est un numéro mobile.",
        "Obligatorio porque {number} es un número móvil.",
        "Erforderlich, weil {number} eine Mobilfunknummer ist.",
        "Verplicht omdat {number} een mobiel nummer is.",
    ],
    [
        "Required for an E911 service address.",
        "Obligatoire pour une adresse de service E911.",
        "Obligatorio para una dirección de servicio E911.",
        "Erforderlich für eine E911-Dienstadresse.",
        "Verplicht voor een E911-serviceadres.",
    ],
    [
        "Required for an order in a NANP country ({country}).",
        "Obligatoire pour une commande dans un pays du NANP ({country}).",
        "Obligatorio para un pedido en un país del NANP ({country}).",
        "Erforderlich für eine Bestellung in einem NANP-Land ({country}).",
        "Verplicht voor een bestelling in een NANP-land ({country}).",
    ],
    [
        "Required in the European Union (country {country}).",
        "Obligatoire dans l'Union européenne (pays {country}).",
        "Obligatorio en la Unión Europea (país {country}).",
        "Erforderlich in der Europäischen Union (Land {country}).",
        "Verplicht in de Europese Unie (land {country}).",
    ],
    [
        "Required to place a CM.com order.",
        "Obligatoire pour passer une commande CM.com.",
        "Obligatorio para hacer un pedido en CM.com.",
        "Erforderlich für eine Bestellung bei CM.com.",
        "Verplicht om een bestelling bij CM.com te plaatsen.",
    ],
    [
        "Telnyx requires it before the draft can be submitted.",
        "Telnyx l'exige avant que le brouillon puisse être soumis.",
        "Telnyx lo exige antes de poder enviar el borrador.",
        "Telnyx verlangt es, bevor der Entwurf eingereicht werden kann.",
        "Telnyx vereist het voordat het concept kan worden ingediend.",
    ],
    [
        "Telnyx requires it to update a sub request.",
        "Telnyx l'exige pour mettre à jour une sous-demande.",
        "Telnyx lo exige para actualizar una subsolicitud.",
        "Telnyx verlangt es, um einen Teilauftrag zu aktualisieren.",
        "Telnyx vereist het om een deelaanvraag bij te werken.",
    ],
    // The conditions of conditional fields (form metadata).
    [
        "Needed when remaining_numbers_action is keep.",
        "Nécessaire lorsque remaining_numbers_action vaut keep.",
        "Necesario cuando remaining_numbers_action es keep.",
        "Nötig, wenn remaining_numbers_action keep ist.",
        "Nodig als remaining_numbers_action keep is.",
    ],
    [
        "Needed when one of the numbers is a wireless or mobile number.",
        "Nécessaire lorsque l'un des numéros est un numéro mobile.",
        "Necesario cuando uno de los números es un número móvil.",
        "Nötig, wenn eine der Nummern eine Mobilfunknummer ist.",
        "Nodig als een van de nummers een mobiel nummer is.",
    ],
    [
        "Needed when country_code is a member state of the European Union.",
        "Nécessaire lorsque country_code est un État membre de l'Union européenne.",
        "Necesario cuando country_code es un Estado miembro de la Unión Europea.",
        "Nötig, wenn country_code ein Mitgliedstaat der Europäischen Union ist.",
        "Nodig als country_code een lidstaat van de Europese Unie is.",
    ],
    [
        "Needed when the order country (orderCountry) is a NANP country.",
        "Nécessaire lorsque le pays de la commande (orderCountry) est un pays du NANP.",
        "Necesario cuando el país del pedido (orderCountry) es un país del NANP.",
        "Nötig, wenn das Bestellland (orderCountry) ein NANP-Land ist.",
        "Nodig als het land van de bestelling (orderCountry) een NANP-land is.",
    ],
    [
        "Needed when an e911 address is given.",
        "Nécessaire lorsqu'une adresse e911 est indiquée.",
        "Necesario cuando se indica una dirección e911.",
        "Nötig, wenn eine e911-Adresse angegeben ist.",
        "Nodig als er een e911-adres is opgegeven.",
    ],
    // Completeness.
    [
        "A port request needs at least one sub request.",
        "Une demande de portage nécessite au moins une sous-demande.",
        "Una solicitud de portabilidad necesita al menos una subsolicitud.",
        "Ein Portierungsauftrag braucht mindestens einen Teilauftrag.",
        "Een porteringsaanvraag heeft minstens één deelaanvraag nodig.",
    ],
];

/// The row of an English spec string (`None` for a string the table lacks,
/// which a test rules out for every string a spec holds).
pub(crate) fn row(english: &str) -> Option<&'static Texts> {
    TABLE.iter().find(|r| r[0] == english)
}

/// An English spec string in `locale` (itself where the table lacks it).
pub(crate) fn tr(english: &'static str, locale: Locale) -> &'static str {
    row(english).map_or(english, |r| text_in(r, locale))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::messages::placeholders_of;

    /// Every label, hint, reason and condition a spec holds, with the prose
    /// completeness writes itself.
    fn spec_strings() -> BTreeSet<&'static str> {
        use super::super::spec::{spec, When};
        let mut all = BTreeSet::new();
        for kind in crate::KINDS {
            let s = spec(kind);
            for f in s.form {
                all.insert(f.label);
                all.extend(f.hint);
            }
            for r in s.requirements {
                all.insert(r.reason);
                all.extend(r.when.describe());
            }
        }
        all.extend(When::ALL.iter().filter_map(|w| w.describe()));
        all.insert("A port request needs at least one sub request.");
        all
    }

    #[test]
    fn every_spec_string_has_a_row_in_every_locale_with_the_same_placeholders() {
        let strings = spec_strings();
        assert!(strings.len() > 60, "{}", strings.len());
        for s in &strings {
            let r = row(s).unwrap_or_else(|| panic!("no translations of {s:?}"));
            let want: BTreeSet<&str> = placeholders_of(s).into_iter().collect();
            for &l in Locale::ALL {
                let t = text_in(r, l);
                assert!(!t.trim().is_empty(), "{s:?} {l}");
                let got: BTreeSet<&str> = placeholders_of(t).into_iter().collect();
                assert_eq!(got, want, "{s:?} {l}: {t}");
                assert_eq!(t.matches('{').count(), want.len(), "{s:?} {l}: {t}");
                if l != Locale::En {
                    assert_ne!(t, *s, "{s:?} {l}: not translated");
                }
            }
        }
        // No row is there for nothing, and none twice.
        let mut english = BTreeSet::new();
        for r in TABLE.iter() {
            assert!(english.insert(r[0]), "{:?} twice", r[0]);
            assert!(strings.contains(r[0]), "{:?} is in no spec", r[0]);
        }
    }

    #[test]
    fn tr_gives_the_locale_and_falls_back_to_english() {
        assert_eq!(tr("City", Locale::De), "Stadt");
        assert_eq!(tr("City", Locale::En), "City");
        assert_eq!(tr("not in any spec", Locale::Fr), "not in any spec");
    }
}
