//! The catalog of issue messages (README, Locales and params): every message
//! the core writes, once, with its English, French, Spanish, German and Dutch
//! texts and its named placeholders. An issue carries its values in
//! `params`; its `message` is its entry's template in the report's locale,
//! filled from those params. The labels, hints and reasons of the kinds'
//! specs are translated beside the specs (`documents/translations.rs`).

use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::code::Code;
use crate::locale::Locale;

/// The five texts of one message or spec string: English, French, Spanish,
/// German, Dutch (the order of [`Locale::ALL`]).
pub type Texts = [&'static str; 5];

/// The text of `texts` in `locale`.
pub fn text_in(texts: &'static Texts, locale: Locale) -> &'static str {
    let [en, fr, es, de, nl] = *texts;
    match locale {
        Locale::En => en,
        Locale::Fr => fr,
        Locale::Es => es,
        Locale::De => de,
        Locale::Nl => nl,
    }
}

/// Texts joined as the catalogs store them (each ended by a NUL), five by five.
pub(crate) fn split_texts(joined: &'static str) -> Vec<Texts> {
    let mut out = Vec::new();
    let mut parts = joined.split_terminator('\0');
    while let (Some(en), Some(fr), Some(es), Some(de), Some(nl)) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    {
        out.push([en, fr, es, de, nl]);
    }
    out
}

macro_rules! catalog {
    ($($(#[$doc:meta])* $v:ident = $code:ident [$($p:literal),*] [$($x:literal),*] {
        $en:literal, $fr:literal, $es:literal, $de:literal, $nl:literal $(,)?
    })*) => {
        /// One issue message of the catalog.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Message {
            $($(#[$doc])* $v,)*
        }

        impl Message {
            /// Every message of the catalog.
            pub const ALL: &'static [Message] = &[$(Message::$v),*];

            /// The code of the issues that carry it.
            pub fn code(self) -> Code {
                match self {
                    $(Message::$v => Code::$code,)*
                }
            }

            /// Its texts, English first (the order of [`Locale::ALL`]).
            pub fn texts(self) -> &'static Texts {
                /// Every message's five texts in one string, each ended by a NUL
                /// (no table of pointers in the data), split once.
                static TEXTS: LazyLock<Vec<Texts>> = LazyLock::new(|| {
                    split_texts(concat!($($en, "\0", $fr, "\0", $es, "\0", $de, "\0", $nl, "\0",)*))
                });
                TEXTS.get(self as usize).unwrap_or(&[""; 5])
            }

            /// The placeholders of its template, the same in every locale:
            /// each is a key of the issue's `params`.
            pub fn placeholders(self) -> &'static [&'static str] {
                match self {
                    $(Message::$v => &[$($p),*],)*
                }
            }

            /// The params an issue with this message may carry beyond its
            /// placeholders (values the message does not show).
            pub fn extra_params(self) -> &'static [&'static str] {
                match self {
                    $(Message::$v => &[$($x),*],)*
                }
            }
        }
    };
}

impl Message {
    /// Its template in `locale`.
    pub fn template(self, locale: Locale) -> &'static str {
        text_in(self.texts(), locale)
    }

    /// Its template in `locale`, filled from `params`.
    pub fn render(self, locale: Locale, params: &Map<String, Value>) -> String {
        fill(self.template(locale), params)
    }
}

/// The `{name}`s of a template, in order.
pub fn placeholders_of(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(a) = rest.find('{') {
        let after = rest.get(a + 1..).unwrap_or_default();
        match after.find('}') {
            Some(b) => {
                out.push(after.get(..b).unwrap_or_default());
                rest = after.get(b + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    out
}

/// A param as a message shows it: a string as it is (control characters
/// escaped), a list joined with ", ", anything else as JSON.
fn show(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            for c in s.chars() {
                if c.is_control() {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                show(x, out);
            }
        }
        other => out.push_str(&other.to_string()),
    }
}

/// `template` with each `{name}` replaced by `params[name]` (a name with no
/// param stays as written).
pub fn fill(template: &str, params: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(a) = rest.find('{') {
        out.push_str(rest.get(..a).unwrap_or_default());
        let after = rest.get(a + 1..).unwrap_or_default();
        match after.find('}').and_then(|b| Some((b, params.get(after.get(..b)?)?))) {
            Some((b, v)) => {
                show(v, &mut out);
                rest = after.get(b + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where an issue's message comes from, so it can be written again in
/// another locale: a catalog entry or a spec's string. Not serialized, and
/// not compared (two issues are equal when what they show is).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Source(pub(crate) Option<&'static Texts>);

impl PartialEq for Source {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A params object from `json!({...})` (anything else gives `{}`).
pub(crate) fn params(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

catalog! {
    /// A field absent, or `null` where a condition requires it.
    Required = Required [] [] {
        "This field is required.",
        "Ce champ est obligatoire.",
        "Este campo es obligatorio.",
        "Dieses Feld ist erforderlich.",
        "Dit veld is verplicht.",
    }
    /// Not a string.
    TypeString = Type [] ["type"] {
        "Must be a string.",
        "Doit être une chaîne de caractères.",
        "Debe ser una cadena de texto.",
        "Muss eine Zeichenkette sein.",
        "Moet een tekenreeks zijn.",
    }
    /// Not an integer.
    TypeInteger = Type [] ["type"] {
        "Must be an integer.",
        "Doit être un nombre entier.",
        "Debe ser un número entero.",
        "Muss eine ganze Zahl sein.",
        "Moet een geheel getal zijn.",
    }
    /// Not a number.
    TypeNumber = Type [] ["type"] {
        "Must be a number.",
        "Doit être un nombre.",
        "Debe ser un número.",
        "Muss eine Zahl sein.",
        "Moet een getal zijn.",
    }
    /// Not a boolean.
    TypeBoolean = Type [] ["type"] {
        "Must be a boolean.",
        "Doit être un booléen (true ou false).",
        "Debe ser un booleano (true o false).",
        "Muss ein Wahrheitswert sein (true oder false).",
        "Moet een booleaanse waarde zijn (true of false).",
    }
    /// Not an object.
    TypeObject = Type [] ["type"] {
        "Must be an object.",
        "Doit être un objet.",
        "Debe ser un objeto.",
        "Muss ein Objekt sein.",
        "Moet een object zijn.",
    }
    /// Not an array.
    TypeArray = Type [] ["type"] {
        "Must be an array.",
        "Doit être une liste.",
        "Debe ser una lista.",
        "Muss eine Liste sein.",
        "Moet een lijst zijn.",
    }
    /// Not null.
    TypeNull = Type [] ["type"] {
        "Must be a null.",
        "Doit être null.",
        "Debe ser null.",
        "Muss null sein.",
        "Moet null zijn.",
    }
    /// Not one of a short list of values.
    Enum = Enum ["allowed"] [] {
        "Must be one of: {allowed}.",
        "Doit être l'une des valeurs suivantes : {allowed}.",
        "Debe ser uno de estos valores: {allowed}.",
        "Muss einer der folgenden Werte sein: {allowed}.",
        "Moet een van deze waarden zijn: {allowed}.",
    }
    /// Not an ISO 3166-1 country code (`allowed` lists them all).
    EnumCountry = Enum [] ["allowed"] {
        "Must be an ISO 3166-1 alpha-2 country code (such as US or DE).",
        "Doit être un code pays ISO 3166-1 alpha-2 (comme US ou DE).",
        "Debe ser un código de país ISO 3166-1 alfa-2 (como US o DE).",
        "Muss ein Ländercode nach ISO 3166-1 Alpha-2 sein (etwa US oder DE).",
        "Moet een landcode volgens ISO 3166-1 alpha-2 zijn (zoals US of DE).",
    }
    /// Not the one value allowed.
    Const = Const ["expected"] [] {
        "Must be \"{expected}\".",
        "Doit être « {expected} ».",
        "Debe ser \"{expected}\".",
        "Muss „{expected}“ sein.",
        "Moet \"{expected}\" zijn.",
    }
    /// Not E.164.
    PatternE164 = Pattern [] ["pattern", "format"] {
        "Must be a phone number in E.164 form: + and the country code, digits only (+13125354200).",
        "Doit être un numéro au format E.164 : + puis l'indicatif du pays, uniquement des chiffres (+13125354200).",
        "Debe ser un número en formato E.164: + y el código de país, solo dígitos (+13125354200).",
        "Muss eine Telefonnummer im E.164-Format sein: + und die Ländervorwahl, nur Ziffern (+13125354200).",
        "Moet een telefoonnummer in E.164-vorm zijn: + en de landcode, alleen cijfers (+13125354200).",
    }
    /// Not an RFC 3339 date-time.
    PatternDateTime = Pattern [] ["pattern", "format"] {
        "Must be a date and time with its offset, such as 2026-12-01T09:00:00Z.",
        "Doit être une date et une heure avec leur décalage horaire, comme 2026-12-01T09:00:00Z.",
        "Debe ser una fecha y hora con su desfase horario, como 2026-12-01T09:00:00Z.",
        "Muss Datum und Uhrzeit mit Zeitzonenversatz sein, etwa 2026-12-01T09:00:00Z.",
        "Moet een datum en tijd met tijdverschil zijn, zoals 2026-12-01T09:00:00Z.",
    }
    /// Not two letters.
    PatternTwoLetters = Pattern [] ["pattern", "format"] {
        "Must be two letters.",
        "Doit comporter deux lettres.",
        "Debe tener dos letras.",
        "Muss aus zwei Buchstaben bestehen.",
        "Moet uit twee letters bestaan.",
    }
    /// Not an http(s) URL.
    PatternHttpUrl = Pattern [] ["pattern", "format"] {
        "Must be an absolute http:// or https:// URL.",
        "Doit être une URL absolue en http:// ou https://.",
        "Debe ser una URL absoluta http:// o https://.",
        "Muss eine absolute http://- oder https://-URL sein.",
        "Moet een absolute http://- of https://-URL zijn.",
    }
    /// Not a UUID.
    PatternUuid = Pattern [] ["pattern", "format"] {
        "Must be a UUID (8-4-4-4-12 hexadecimal digits).",
        "Doit être un UUID (8-4-4-4-12 chiffres hexadécimaux).",
        "Debe ser un UUID (8-4-4-4-12 dígitos hexadecimales).",
        "Muss eine UUID sein (8-4-4-4-12 Hexadezimalziffern).",
        "Moet een UUID zijn (8-4-4-4-12 hexadecimale cijfers).",
    }
    /// A pattern with no message of its own.
    PatternOther = Pattern ["pattern"] ["format"] {
        "Does not match the pattern {pattern}.",
        "Ne correspond pas au motif {pattern}.",
        "No coincide con el patrón {pattern}.",
        "Entspricht nicht dem Muster {pattern}.",
        "Komt niet overeen met het patroon {pattern}.",
    }
    /// Not a real date-time (its pattern matched).
    FormatDateTime = Format [] ["format", "pattern"] {
        "Must be a valid date-time.",
        "Doit être une date et une heure valides.",
        "Debe ser una fecha y hora válidas.",
        "Muss ein gültiges Datum mit Uhrzeit sein.",
        "Moet een geldige datum en tijd zijn.",
    }
    /// Not a valid UUID.
    FormatUuid = Format [] ["format", "pattern"] {
        "Must be a valid uuid.",
        "Doit être un UUID valide.",
        "Debe ser un UUID válido.",
        "Muss eine gültige UUID sein.",
        "Moet een geldige UUID zijn.",
    }
    /// Not a valid URI.
    FormatUri = Format [] ["format", "pattern"] {
        "Must be a valid uri.",
        "Doit être une URI valide.",
        "Debe ser una URI válida.",
        "Muss eine gültige URI sein.",
        "Moet een geldige URI zijn.",
    }
    /// An empty list where one item is needed.
    MinItemsOne = MinItems [] ["limit"] {
        "Must not be empty.",
        "Ne doit pas être vide.",
        "No puede estar vacío.",
        "Darf nicht leer sein.",
        "Mag niet leeg zijn.",
    }
    /// Fewer items than the minimum.
    MinItems = MinItems ["limit"] [] {
        "Must have at least {limit} items.",
        "Doit comporter au moins {limit} éléments.",
        "Debe tener al menos {limit} elementos.",
        "Muss mindestens {limit} Einträge haben.",
        "Moet minstens {limit} items bevatten.",
    }
    /// Shorter than the minimum length.
    MinLength = MinLength ["limit"] [] {
        "Must be at least {limit} characters.",
        "Doit comporter au moins {limit} caractères.",
        "Debe tener al menos {limit} caracteres.",
        "Muss mindestens {limit} Zeichen lang sein.",
        "Moet minstens {limit} tekens lang zijn.",
    }
    /// Longer than the maximum length.
    MaxLength = MaxLength ["limit"] [] {
        "Must be at most {limit} characters.",
        "Doit comporter au plus {limit} caractères.",
        "Debe tener como máximo {limit} caracteres.",
        "Darf höchstens {limit} Zeichen lang sein.",
        "Mag hoogstens {limit} tekens lang zijn.",
    }
    /// Below the minimum.
    Minimum = Minimum ["limit"] [] {
        "Must be at least {limit}.",
        "Doit être supérieur ou égal à {limit}.",
        "Debe ser mayor o igual que {limit}.",
        "Muss mindestens {limit} sein.",
        "Moet minstens {limit} zijn.",
    }
    /// Above the maximum.
    Maximum = Maximum ["limit"] [] {
        "Must be at most {limit}.",
        "Doit être inférieur ou égal à {limit}.",
        "Debe ser menor o igual que {limit}.",
        "Darf höchstens {limit} sein.",
        "Mag hoogstens {limit} zijn.",
    }
    /// The embedded schema does not compile.
    InternalError = InternalError [] [] {
        "The published schema for this kind does not compile.",
        "Le schéma publié de ce type ne se compile pas.",
        "El esquema publicado de este tipo no compila.",
        "Das veröffentlichte Schema dieser Art lässt sich nicht kompilieren.",
        "Het gepubliceerde schema van deze soort compileert niet.",
    }
    /// A required field sent blank.
    BlankRequired = BlankRequired [] [] {
        "This required field is empty; upstream accepts it, but it is probably missing.",
        "Ce champ obligatoire est vide ; le service l'accepte, mais il manque probablement.",
        "Este campo obligatorio está vacío; el servicio lo acepta, pero probablemente falta.",
        "Dieses Pflichtfeld ist leer; der Dienst nimmt es an, aber es fehlt wahrscheinlich.",
        "Dit verplichte veld is leeg; de dienst accepteert het, maar het ontbreekt waarschijnlijk.",
    }
    /// Nested deeper than `maxDepth`.
    LimitDepth = LimitExceeded ["limit"] [] {
        "This value nests deeper than {limit} levels (limit maxDepth); it was not judged further.",
        "Cette valeur dépasse {limit} niveaux d'imbrication (limite maxDepth) ; elle n'a pas été examinée plus avant.",
        "Este valor anida más de {limit} niveles (límite maxDepth); no se ha examinado más.",
        "Dieser Wert ist tiefer als {limit} Ebenen verschachtelt (Grenze maxDepth); er wurde nicht weiter geprüft.",
        "Deze waarde is dieper genest dan {limit} niveaus (limiet maxDepth); ze is niet verder beoordeeld.",
    }
    /// A key longer than `maxStringLength`.
    LimitKey = LimitExceeded ["length", "limit"] [] {
        "This key has {length} characters; the limit is {limit} (maxStringLength).",
        "Cette clé comporte {length} caractères ; la limite est de {limit} (maxStringLength).",
        "Esta clave tiene {length} caracteres; el límite es {limit} (maxStringLength).",
        "Dieser Schlüssel hat {length} Zeichen; die Grenze liegt bei {limit} (maxStringLength).",
        "Deze sleutel heeft {length} tekens; de limiet is {limit} (maxStringLength).",
    }
    /// A list longer than `maxArrayLength`.
    LimitArray = LimitExceeded ["length", "limit"] [] {
        "This list has {length} items; the limit is {limit} (maxArrayLength).",
        "Cette liste comporte {length} éléments ; la limite est de {limit} (maxArrayLength).",
        "Esta lista tiene {length} elementos; el límite es {limit} (maxArrayLength).",
        "Diese Liste hat {length} Einträge; die Grenze liegt bei {limit} (maxArrayLength).",
        "Deze lijst heeft {length} items; de limiet is {limit} (maxArrayLength).",
    }
    /// A string longer than `maxStringLength`.
    LimitString = LimitExceeded ["limit"] [] {
        "This text has more than {limit} characters (limit maxStringLength).",
        "Ce texte comporte plus de {limit} caractères (limite maxStringLength).",
        "Este texto tiene más de {limit} caracteres (límite maxStringLength).",
        "Dieser Text hat mehr als {limit} Zeichen (Grenze maxStringLength).",
        "Deze tekst heeft meer dan {limit} tekens (limiet maxStringLength).",
    }
    /// A document's text that is not JSON (`detail`: the parser's own words, in English).
    InvalidJson = InvalidJson ["line", "column"] ["offset", "detail"] {
        "The document is not JSON (line {line}, column {column}).",
        "Le document n'est pas du JSON valide (ligne {line}, colonne {column}).",
        "El documento no es JSON válido (línea {line}, columna {column}).",
        "Das Dokument ist kein gültiges JSON (Zeile {line}, Spalte {column}).",
        "Het document is geen geldige JSON (regel {line}, kolom {column}).",
    }
    /// A key twice in one object of a document's text.
    DuplicateKey = DuplicateKey ["key", "line", "column"] [] {
        "The key \"{key}\" appears twice in one object (line {line}, column {column}).",
        "La clé « {key} » apparaît deux fois dans un même objet (ligne {line}, colonne {column}).",
        "La clave \"{key}\" aparece dos veces en un mismo objeto (línea {line}, columna {column}).",
        "Der Schlüssel „{key}“ kommt in einem Objekt zweimal vor (Zeile {line}, Spalte {column}).",
        "De sleutel \"{key}\" komt twee keer voor in één object (regel {line}, kolom {column}).",
    }
    /// A document's bytes that are not UTF-8.
    InvalidUtf8 = InvalidUtf8 ["offset"] [] {
        "The document is not UTF-8: invalid byte at offset {offset}.",
        "Le document n'est pas en UTF-8 : octet invalide à la position {offset}.",
        "El documento no está en UTF-8: byte no válido en la posición {offset}.",
        "Das Dokument ist kein UTF-8: ungültiges Byte an Position {offset}.",
        "Het document is geen UTF-8: ongeldige byte op positie {offset}.",
    }
    /// A document's text over `maxDocumentBytes`.
    LimitDocument = LimitExceeded ["length", "limit"] [] {
        "The document has {length} bytes; the limit is {limit} (maxDocumentBytes).",
        "Le document comporte {length} octets ; la limite est de {limit} (maxDocumentBytes).",
        "El documento tiene {length} bytes; el límite es {limit} (maxDocumentBytes).",
        "Das Dokument hat {length} Bytes; die Grenze liegt bei {limit} (maxDocumentBytes).",
        "Het document heeft {length} bytes; de limiet is {limit} (maxDocumentBytes).",
    }
    /// A document's text nested deeper than the parser reads.
    LimitParse = LimitExceeded ["line", "column"] [] {
        "The document nests too deeply to be read (line {line}, column {column}).",
        "Le document est trop profondément imbriqué pour être lu (ligne {line}, colonne {column}).",
        "El documento está anidado a demasiada profundidad para leerlo (línea {line}, columna {column}).",
        "Das Dokument ist zu tief verschachtelt, um gelesen zu werden (Zeile {line}, Spalte {column}).",
        "Het document is te diep genest om te lezen (regel {line}, kolom {column}).",
    }
    /// A string read as a boolean or number.
    LenientType = LenientType ["sent", "read"] [] {
        "Sent as the string \"{sent}\"; read as {read} (lenient types).",
        "Envoyé sous forme de texte « {sent} » ; lu comme {read} (types souples).",
        "Enviado como el texto \"{sent}\"; leído como {read} (tipos flexibles).",
        "Als Text „{sent}“ gesendet; als {read} gelesen (tolerante Typen).",
        "Verzonden als de tekst \"{sent}\"; gelezen als {read} (soepele types).",
    }
    /// `check` removed an extension.
    PhoneExtension = PhoneExtension ["extension", "e164"] [] {
        "E.164 cannot hold the extension {extension}; it was removed from {e164}: send it separately.",
        "Le format E.164 ne peut pas contenir le poste {extension} ; il a été retiré de {e164} : l'envoyer séparément.",
        "E.164 no admite la extensión {extension}; se ha quitado de {e164}: envíela por separado.",
        "E.164 kann die Durchwahl {extension} nicht enthalten; sie wurde aus {e164} entfernt: bitte separat senden.",
        "E.164 kan het toestelnummer {extension} niet bevatten; het is verwijderd uit {e164}: stuur het apart mee.",
    }
    /// `check` removed a label.
    PhoneLabel = PhoneLabel ["text", "e164"] [] {
        "The text \"{text}\" is not part of the number; it was removed from {e164}.",
        "Le texte « {text} » ne fait pas partie du numéro ; il a été retiré de {e164}.",
        "El texto \"{text}\" no forma parte del número; se ha quitado de {e164}.",
        "Der Text „{text}“ gehört nicht zur Nummer; er wurde aus {e164} entfernt.",
        "De tekst \"{text}\" hoort niet bij het nummer; hij is verwijderd uit {e164}.",
    }
    /// Not a possible length for its country.
    PhoneNotPossible = PhoneNotPossible [] ["e164"] {
        "This number has the wrong number of digits for its country.",
        "Ce numéro n'a pas le bon nombre de chiffres pour son pays.",
        "Este número no tiene la cantidad correcta de dígitos para su país.",
        "Diese Nummer hat die falsche Anzahl Ziffern für ihr Land.",
        "Dit nummer heeft het verkeerde aantal cijfers voor zijn land.",
    }
    /// Not in use in its numbering plan.
    PhoneNotInUse = PhoneInvalid [] ["e164"] {
        "This number is not in use in its country's numbering plan.",
        "Ce numéro n'est pas attribué dans le plan de numérotation de son pays.",
        "Este número no está en uso en el plan de numeración de su país.",
        "Diese Nummer ist im Nummernplan ihres Landes nicht vergeben.",
        "Dit nummer is niet in gebruik in het nummerplan van zijn land.",
    }
    /// An emergency number.
    PhoneEmergency = PhoneEmergency ["number", "region"] ["e164"] {
        "{number} is an emergency number in {region}, not a phone number (DID) that can be provisioned.",
        "{number} est un numéro d'urgence ({region}), pas un numéro de téléphone (DID) attribuable.",
        "{number} es un número de emergencia ({region}), no un número de teléfono (DID) que se pueda asignar.",
        "{number} ist eine Notrufnummer ({region}), keine Rufnummer (DID), die sich einrichten lässt.",
        "{number} is een alarmnummer ({region}), geen telefoonnummer (DID) dat kan worden ingericht.",
    }
    /// A short code.
    PhoneShortCode = PhoneShortCode ["number", "region"] ["e164"] {
        "{number} is a short code in {region} (a service number, or a number with digits missing), not a full phone number (DID) that can be provisioned.",
        "{number} est un numéro court ({region}) : un numéro de service, ou un numéro incomplet, pas un numéro de téléphone (DID) complet attribuable.",
        "{number} es un número corto ({region}): un número de servicio o un número al que le faltan dígitos, no un número de teléfono (DID) completo que se pueda asignar.",
        "{number} ist eine Kurzwahl ({region}): eine Dienstnummer oder eine Nummer mit fehlenden Ziffern, keine vollständige Rufnummer (DID), die sich einrichten lässt.",
        "{number} is een kort nummer ({region}): een dienstnummer of een nummer waar cijfers aan ontbreken, geen volledig telefoonnummer (DID) dat kan worden ingericht.",
    }
    /// PhoneError `empty`.
    PhoneEmpty = PhoneInvalid [] ["error"] {
        "Not a valid phone number: The phone number is empty.",
        "Numéro de téléphone non valide : le numéro est vide.",
        "Número de teléfono no válido: el número está vacío.",
        "Keine gültige Telefonnummer: Die Nummer ist leer.",
        "Geen geldig telefoonnummer: het nummer is leeg.",
    }
    /// PhoneError `not_a_number`.
    PhoneNotANumber = PhoneInvalid [] ["error"] {
        "Not a valid phone number: This does not look like a phone number.",
        "Numéro de téléphone non valide : ceci ne ressemble pas à un numéro de téléphone.",
        "Número de teléfono no válido: esto no parece un número de teléfono.",
        "Keine gültige Telefonnummer: Das sieht nicht wie eine Telefonnummer aus.",
        "Geen geldig telefoonnummer: dit lijkt niet op een telefoonnummer.",
    }
    /// PhoneError `invalid_country_code`.
    PhoneInvalidCountryCode = PhoneInvalid [] ["error"] {
        "Not a valid phone number: The country calling code is missing or not assigned; write the number with + and its country code.",
        "Numéro de téléphone non valide : l'indicatif du pays manque ou n'est pas attribué ; écrire le numéro avec + et son indicatif.",
        "Número de teléfono no válido: falta el prefijo del país o no está asignado; escriba el número con + y su prefijo.",
        "Keine gültige Telefonnummer: Die Ländervorwahl fehlt oder ist nicht vergeben; die Nummer mit + und Ländervorwahl schreiben.",
        "Geen geldig telefoonnummer: de landcode ontbreekt of is niet toegekend; schrijf het nummer met + en de landcode.",
    }
    /// PhoneError `too_short`.
    PhoneTooShort = PhoneInvalid [] ["error"] {
        "Not a valid phone number: The phone number is too short.",
        "Numéro de téléphone non valide : le numéro est trop court.",
        "Número de teléfono no válido: el número es demasiado corto.",
        "Keine gültige Telefonnummer: Die Nummer ist zu kurz.",
        "Geen geldig telefoonnummer: het nummer is te kort.",
    }
    /// PhoneError `too_long`.
    PhoneTooLong = PhoneInvalid [] ["error"] {
        "Not a valid phone number: The phone number has too many digits.",
        "Numéro de téléphone non valide : le numéro comporte trop de chiffres.",
        "Número de teléfono no válido: el número tiene demasiados dígitos.",
        "Keine gültige Telefonnummer: Die Nummer hat zu viele Ziffern.",
        "Geen geldig telefoonnummer: het nummer heeft te veel cijfers.",
    }
    /// PhoneError `too_large`.
    PhoneTooLarge = PhoneInvalid ["limit"] ["error"] {
        "Not a valid phone number: The input is longer than {limit} characters.",
        "Numéro de téléphone non valide : le texte dépasse {limit} caractères.",
        "Número de teléfono no válido: el texto tiene más de {limit} caracteres.",
        "Keine gültige Telefonnummer: Die Eingabe ist länger als {limit} Zeichen.",
        "Geen geldig telefoonnummer: de invoer is langer dan {limit} tekens.",
    }
    /// PhoneError `normalization_mismatch`.
    PhoneMismatch = PhoneInvalid ["written", "e164"] ["error"] {
        "Not a valid phone number: Normalizing would change the number: the digits written ({written}) would become {e164}; check the number (a trunk prefix after the country code goes in parentheses, as in +44 (0)20).",
        "Numéro de téléphone non valide : la normalisation changerait le numéro : les chiffres écrits ({written}) deviendraient {e164} ; vérifier le numéro (un préfixe national après l'indicatif du pays se met entre parenthèses, comme dans +44 (0)20).",
        "Número de teléfono no válido: normalizarlo cambiaría el número: los dígitos escritos ({written}) pasarían a ser {e164}; revise el número (un prefijo nacional tras el código de país va entre paréntesis, como en +44 (0)20).",
        "Keine gültige Telefonnummer: Die Normalisierung würde die Nummer ändern: Aus den geschriebenen Ziffern ({written}) würde {e164}; bitte die Nummer prüfen (eine Verkehrsausscheidungsziffer nach der Ländervorwahl steht in Klammern, wie in +44 (0)20).",
        "Geen geldig telefoonnummer: normaliseren zou het nummer veranderen: de geschreven cijfers ({written}) zouden {e164} worden; controleer het nummer (een nationaal voorvoegsel na de landcode staat tussen haakjes, zoals in +44 (0)20).",
    }
    /// PhoneError `unknown_region`.
    PhoneUnknownRegion = PhoneInvalid ["region"] ["error"] {
        "Not a valid phone number: Unknown region code \"{region}\"; use an ISO 3166-1 alpha-2 code such as US.",
        "Numéro de téléphone non valide : code de région « {region} » inconnu ; utiliser un code ISO 3166-1 alpha-2 comme US.",
        "Número de teléfono no válido: código de región \"{region}\" desconocido; use un código ISO 3166-1 alfa-2 como US.",
        "Keine gültige Telefonnummer: Unbekannter Regionscode „{region}“; einen Code nach ISO 3166-1 Alpha-2 wie US verwenden.",
        "Geen geldig telefoonnummer: onbekende regiocode \"{region}\"; gebruik een ISO 3166-1 alpha-2-code zoals US.",
    }
    /// PhoneError `text_in_number`.
    PhoneTextInNumber = PhoneInvalid ["text"] ["error"] {
        "Not a valid phone number: The text \"{text}\" cannot be read as part of the number; remove it, write an extension as \"ext. 123\", or write vanity letters in capitals (1-800-FLOWERS).",
        "Numéro de téléphone non valide : le texte « {text} » ne peut pas être lu comme partie du numéro ; le retirer, écrire un poste sous la forme « ext. 123 » ou écrire les lettres d'un numéro mnémonique en majuscules (1-800-FLOWERS).",
        "Número de teléfono no válido: el texto \"{text}\" no se puede leer como parte del número; quítelo, escriba una extensión como \"ext. 123\" o escriba las letras de un número mnemotécnico en mayúsculas (1-800-FLOWERS).",
        "Keine gültige Telefonnummer: Der Text „{text}“ lässt sich nicht als Teil der Nummer lesen; ihn entfernen, eine Durchwahl als „ext. 123“ schreiben oder die Buchstaben einer Vanity-Nummer in Großbuchstaben schreiben (1-800-FLOWERS).",
        "Geen geldig telefoonnummer: de tekst \"{text}\" kan niet als deel van het nummer worden gelezen; verwijder hem, schrijf een toestelnummer als \"ext. 123\" of schrijf de letters van een vanity-nummer in hoofdletters (1-800-FLOWERS).",
    }
    /// PhoneError `two_numbers`.
    PhoneTwoNumbers = PhoneInvalid [] ["error"] {
        "Not a valid phone number: This holds two phone numbers; give one number per field.",
        "Numéro de téléphone non valide : ce champ contient deux numéros ; un seul numéro par champ.",
        "Número de teléfono no válido: contiene dos números de teléfono; indique un número por campo.",
        "Keine gültige Telefonnummer: Das sind zwei Telefonnummern; bitte eine Nummer pro Feld.",
        "Geen geldig telefoonnummer: dit bevat twee telefoonnummers; geef één nummer per veld.",
    }
    /// PhoneError `ambiguous_extension`.
    PhoneAmbiguousExtension = PhoneInvalid [] ["error"] {
        "Not a valid phone number: The number has two extensions; keep the one that is meant.",
        "Numéro de téléphone non valide : le numéro a deux postes ; garder celui qui convient.",
        "Número de teléfono no válido: el número tiene dos extensiones; deje la que corresponda.",
        "Keine gültige Telefonnummer: Die Nummer hat zwei Durchwahlen; nur die gemeinte behalten.",
        "Geen geldig telefoonnummer: het nummer heeft twee toestelnummers; houd het bedoelde over.",
    }
    /// PhoneError `limit_exceeded`.
    PhoneLimitExceeded = PhoneInvalid ["limit"] ["error"] {
        "Not a valid phone number: The text is longer than {limit} characters, the most one search for numbers reads; split it.",
        "Numéro de téléphone non valide : le texte dépasse {limit} caractères, le maximum lu par une recherche de numéros ; le découper.",
        "Número de teléfono no válido: el texto tiene más de {limit} caracteres, lo máximo que lee una búsqueda de números; divídalo.",
        "Keine gültige Telefonnummer: Der Text ist länger als {limit} Zeichen, das Höchste, was eine Nummernsuche liest; bitte aufteilen.",
        "Geen geldig telefoonnummer: de tekst is langer dan {limit} tekens, het maximum dat een zoekactie naar nummers leest; splits hem.",
    }
    /// Not a US ZIP code.
    PostalCodeUs = PostalCodeFormat [] ["country"] {
        "This does not look like a US ZIP code (12345 or 12345-6789).",
        "Ceci ne ressemble pas à un code ZIP américain (12345 ou 12345-6789).",
        "Esto no parece un código ZIP de EE. UU. (12345 o 12345-6789).",
        "Das sieht nicht wie eine US-Postleitzahl (ZIP) aus (12345 oder 12345-6789).",
        "Dit lijkt niet op een Amerikaanse ZIP-code (12345 of 12345-6789).",
    }
    /// Not a Canadian postal code.
    PostalCodeCa = PostalCodeFormat [] ["country"] {
        "This does not look like a Canadian postal code (A1A 1A1).",
        "Ceci ne ressemble pas à un code postal canadien (A1A 1A1).",
        "Esto no parece un código postal canadiense (A1A 1A1).",
        "Das sieht nicht wie eine kanadische Postleitzahl aus (A1A 1A1).",
        "Dit lijkt niet op een Canadese postcode (A1A 1A1).",
    }
    /// Neither a US ZIP code nor a Canadian postal code.
    PostalCodeUsOrCa = PostalCodeFormat [] [] {
        "This does not look like a US ZIP code or a Canadian postal code.",
        "Ceci ne ressemble ni à un code ZIP américain ni à un code postal canadien.",
        "Esto no parece un código ZIP de EE. UU. ni un código postal canadiense.",
        "Das sieht weder wie eine US-Postleitzahl (ZIP) noch wie eine kanadische Postleitzahl aus.",
        "Dit lijkt niet op een Amerikaanse ZIP-code of een Canadese postcode.",
    }
    /// No US state nor Canadian province.
    AreaUsOrCa = UnknownAdministrativeArea ["area"] [] {
        "{area} is not a US state or Canadian province code.",
        "{area} n'est pas un code d'État américain ni de province canadienne.",
        "{area} no es un código de estado de EE. UU. ni de provincia canadiense.",
        "{area} ist kein Code eines US-Bundesstaats oder einer kanadischen Provinz.",
        "{area} is geen code van een Amerikaanse staat of Canadese provincie.",
    }
    /// No Canadian province.
    AreaCa = UnknownAdministrativeArea ["area"] ["country"] {
        "{area} is not a Canadian province code.",
        "{area} n'est pas un code de province canadienne.",
        "{area} no es un código de provincia canadiense.",
        "{area} ist kein Code einer kanadischen Provinz.",
        "{area} is geen code van een Canadese provincie.",
    }
    /// No US state or territory.
    AreaUs = UnknownAdministrativeArea ["area"] ["country"] {
        "{area} is not a US state or territory code.",
        "{area} n'est pas un code d'État ou de territoire américain.",
        "{area} no es un código de estado o territorio de EE. UU.",
        "{area} ist kein Code eines US-Bundesstaats oder -Territoriums.",
        "{area} is geen code van een Amerikaanse staat of territorium.",
    }
    /// An unknown field close to a known one.
    UnknownFieldSuggestion = UnknownField ["field", "suggestion"] [] {
        "Unknown field \"{field}\"; did you mean \"{suggestion}\"?",
        "Champ inconnu « {field} » ; peut-être « {suggestion} » ?",
        "Campo desconocido \"{field}\"; ¿quizá \"{suggestion}\"?",
        "Unbekanntes Feld „{field}“; vielleicht „{suggestion}“?",
        "Onbekend veld \"{field}\"; misschien \"{suggestion}\"?",
    }
    /// An unknown field.
    UnknownField = UnknownField ["field"] [] {
        "Unknown field \"{field}\".",
        "Champ inconnu « {field} ».",
        "Campo desconocido \"{field}\".",
        "Unbekanntes Feld „{field}“.",
        "Onbekend veld \"{field}\".",
    }
    /// The same number twice.
    DuplicateNumber = DuplicateNumber ["first", "e164"] [] {
        "Same number as {first} once normalized ({e164}).",
        "Même numéro que {first} une fois normalisé ({e164}).",
        "Mismo número que {first} una vez normalizado ({e164}).",
        "Dieselbe Nummer wie {first} nach der Normalisierung ({e164}).",
        "Hetzelfde nummer als {first} na normalisatie ({e164}).",
    }
    /// A partial-port attribute on a full port.
    FullPortAttribute = FullPortAttribute [] [] {
        "A full port moves every number; this attribute only applies to a partial port.",
        "Un portage complet transfère tous les numéros ; cet attribut ne concerne qu'un portage partiel.",
        "Una portabilidad completa traslada todos los números; este atributo solo se aplica a una portabilidad parcial.",
        "Eine vollständige Portierung überträgt alle Nummern; dieses Attribut gilt nur für eine Teilportierung.",
        "Een volledige portering verplaatst alle nummers; dit kenmerk geldt alleen voor een gedeeltelijke portering.",
    }
    /// EU identifiers outside the EU.
    EuIdentifierOutsideEu = EuIdentifierOutsideEu ["country"] [] {
        "European identifiers apply only in the European Union; the country is {country}.",
        "Les identifiants européens ne valent que dans l'Union européenne ; le pays est {country}.",
        "Los identificadores europeos solo se aplican en la Unión Europea; el país es {country}.",
        "Europäische Kennungen gelten nur in der Europäischen Union; das Land ist {country}.",
        "Europese identificatienummers gelden alleen in de Europese Unie; het land is {country}.",
    }
    /// The billing number's country differs.
    BillingCountryMismatch = BillingCountryMismatch ["region", "country"] [] {
        "This number is from {region}, but the billing address is in {country}.",
        "Ce numéro vient de {region}, mais l'adresse de facturation est dans le pays {country}.",
        "Este número es de {region}, pero la dirección de facturación está en {country}.",
        "Diese Nummer stammt aus {region}, die Rechnungsadresse liegt aber in {country}.",
        "Dit nummer komt uit {region}, maar het factuuradres ligt in {country}.",
    }
    /// A FOC date in the past.
    FocDateInPast = FocDateInPast [] [] {
        "The requested FOC date is in the past.",
        "La date FOC demandée est dans le passé.",
        "La fecha FOC solicitada ya ha pasado.",
        "Das gewünschte FOC-Datum liegt in der Vergangenheit.",
        "De gevraagde FOC-datum ligt in het verleden.",
    }
    /// A FOC date on a weekend.
    FocDateOnWeekend = FocDateOnWeekend [] [] {
        "The requested FOC date falls on a weekend.",
        "La date FOC demandée tombe un week-end.",
        "La fecha FOC solicitada cae en fin de semana.",
        "Das gewünschte FOC-Datum fällt auf ein Wochenende.",
        "De gevraagde FOC-datum valt in een weekend.",
    }
    /// The draft says complete but a field is missing.
    CompleteFlagMissing = CompleteFlagMismatch ["flag", "missing"] [] {
        "The draft says complete: {flag}, but {missing} is missing.",
        "Le brouillon indique complete: {flag}, mais {missing} manque.",
        "El borrador indica complete: {flag}, pero falta {missing}.",
        "Der Entwurf sagt complete: {flag}, aber {missing} fehlt.",
        "Het concept zegt complete: {flag}, maar {missing} ontbreekt.",
    }
    /// The draft says complete but a field fails a rule.
    CompleteFlagInvalid = CompleteFlagMismatch ["flag", "field", "failed"] [] {
        "The draft says complete: {flag}, but {field} fails {failed}.",
        "Le brouillon indique complete: {flag}, mais {field} ne respecte pas {failed}.",
        "El borrador indica complete: {flag}, pero {field} no cumple {failed}.",
        "Der Entwurf sagt complete: {flag}, aber {field} verletzt {failed}.",
        "Het concept zegt complete: {flag}, maar {field} voldoet niet aan {failed}.",
    }
    /// The draft says incomplete but it is complete.
    CompleteFlagComplete = CompleteFlagMismatch ["flag"] [] {
        "The draft says complete: {flag}, but every necessary field is present and valid.",
        "Le brouillon indique complete: {flag}, mais tous les champs nécessaires sont présents et valides.",
        "El borrador indica complete: {flag}, pero todos los campos necesarios están presentes y son válidos.",
        "Der Entwurf sagt complete: {flag}, aber alle nötigen Felder sind vorhanden und gültig.",
        "Het concept zegt complete: {flag}, maar alle benodigde velden zijn aanwezig en geldig.",
    }
    /// A CM.com order with neither area code nor city.
    AreaCodeOrCity = AreaCodeOrCityRequired [] [] {
        "Give an area code or a city.",
        "Indiquer un indicatif régional ou une ville.",
        "Indique un prefijo de zona o una ciudad.",
        "Bitte eine Ortsvorwahl oder eine Stadt angeben.",
        "Geef een netnummer of een plaats op.",
    }
    /// A CM.com order in a NANP country without a region.
    RegionRequired = RegionRequired ["country"] [] {
        "A region is required for orders in a NANP country ({country}).",
        "Une région est obligatoire pour les commandes dans un pays du NANP ({country}).",
        "Se requiere una región para los pedidos en un país del NANP ({country}).",
        "Für Bestellungen in einem NANP-Land ({country}) ist eine Region erforderlich.",
        "Een regio is verplicht voor bestellingen in een NANP-land ({country}).",
    }
}

/// The params an issue with `code` may carry, over every message of the
/// catalog with that code, in catalog order (the README's table).
pub fn params_of(code: Code) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in Message::ALL.iter().filter(|m| m.code() == code) {
        for p in m.placeholders().iter().chain(m.extra_params()) {
            if !out.contains(p) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::json;

    use super::*;

    /// Every entry has a message in every locale, and each locale's template
    /// has exactly the entry's placeholders (a dropped or misspelt `{limit}`
    /// fails), each once; no placeholder is also an extra param.
    #[test]
    fn every_message_in_every_locale_with_exactly_its_placeholders() {
        let mut english = BTreeSet::new();
        for &m in Message::ALL {
            assert!(english.insert(m.texts()[0]), "{m:?}: the same English twice");
            let want: BTreeSet<&str> = m.placeholders().iter().copied().collect();
            assert_eq!(want.len(), m.placeholders().len(), "{m:?}");
            for &l in Locale::ALL {
                let t = m.template(l);
                assert!(!t.trim().is_empty(), "{m:?} {l}: empty");
                let got = placeholders_of(t);
                let set: BTreeSet<&str> = got.iter().copied().collect();
                assert_eq!(set, want, "{m:?} {l}: {t}");
                assert_eq!(got.len(), want.len(), "{m:?} {l}: a placeholder twice: {t}");
                assert_eq!(t.matches('{').count(), want.len(), "{m:?} {l}: stray brace: {t}");
                assert_eq!(t.matches('}').count(), want.len(), "{m:?} {l}: stray brace: {t}");
                if l != Locale::En {
                    assert_ne!(t, m.texts()[0], "{m:?} {l}: not translated");
                }
            }
            for x in m.extra_params() {
                assert!(!want.contains(x), "{m:?}: {x} both shown and extra");
            }
            for p in m.placeholders().iter().chain(m.extra_params()) {
                assert!(
                    p.chars().all(|c| c.is_ascii_alphanumeric()) && p.starts_with(|c: char| c.is_ascii_lowercase()),
                    "{m:?}: {p} is not a camelCase key"
                );
            }
        }
        assert!(Message::ALL.len() >= 60, "{}", Message::ALL.len());
    }

    #[test]
    fn fill_shows_strings_lists_and_numbers_and_keeps_unknown_names() {
        let p = params(json!({"limit": 3, "allowed": ["a", "b"], "field": "x\ny", "flag": true}));
        assert_eq!(
            fill("{limit} {allowed} {field} {flag} {nope} {", &p),
            "3 a, b x\\ny true {nope} {"
        );
        assert_eq!(
            Message::MinLength.render(Locale::Fr, &p),
            "Doit comporter au moins 3 caractères."
        );
        assert_eq!(
            Message::MinLength.render(Locale::De, &p),
            "Muss mindestens 3 Zeichen lang sein."
        );
        assert_eq!(placeholders_of("a {b} c {d}"), vec!["b", "d"]);
    }

    /// The catalogs' storage: five texts a row, each ended by a NUL; a
    /// catalog text holding a NUL would shift every row after it.
    #[test]
    fn texts_split_five_by_five() {
        assert_eq!(split_texts("a\0b\0\0d\0e\0f\0g\0"), vec![["a", "b", "", "d", "e"]]);
        let last = Message::ALL.last().copied().map(Message::texts);
        assert!(last.is_some_and(|t| t.iter().all(|s| !s.is_empty() && !s.contains('\0'))));
        assert!(std::ptr::eq(Message::Required.texts(), Message::Required.texts()));
    }

    #[test]
    fn params_of_a_code_gathers_its_messages() {
        assert_eq!(params_of(Code::UnknownField), vec!["field", "suggestion"]);
        assert_eq!(params_of(Code::MinLength), vec!["limit"]);
        assert!(params_of(Code::PhoneInvalid).contains(&"e164"));
        for &c in Code::ALL {
            assert!(Message::ALL.iter().any(|m| m.code() == c) || c == Code::Required, "{c}");
        }
    }
}
