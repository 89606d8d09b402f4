//! The languages of messages, labels and reasons (README, Locales): the
//! option `locale` on every surface. The catalog of messages is written once
//! in the core; every issue also carries machine-readable `params` so an
//! application can write its own.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language telschema writes its messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// German.
    De,
    /// Dutch.
    Nl,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: &'static [Locale] = &[Locale::En, Locale::Fr, Locale::Es, Locale::De, Locale::Nl];

    /// The language subtag: `en`, `fr`, `es`, `de`, `nl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::De => "de",
            Locale::Nl => "nl",
        }
    }

    /// Reads a BCP 47 tag by its language subtag, any case: `fr`, `fr-CA`,
    /// `de_AT` and `NL` are accepted (a region or script falls back to the
    /// language); `None` for a language telschema has no messages in.
    pub fn parse(tag: &str) -> Option<Locale> {
        let lang = tag.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .iter()
            .copied()
            .find(|l| lang.eq_ignore_ascii_case(l.as_str()))
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A locale telschema has no messages in (`unknown_option` on every surface).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLocale(pub String);

impl fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all: Vec<&str> = Locale::ALL.iter().map(|l| l.as_str()).collect();
        write!(f, "Unknown locale {:?}; the locales are {}.", self.0, all.join(", "))
    }
}

impl std::error::Error for UnknownLocale {}

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::parse(s).ok_or_else(|| UnknownLocale(s.to_string()))
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_by_its_language_and_anything_else_is_refused() {
        assert_eq!(Locale::parse("fr"), Some(Locale::Fr));
        assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("de_AT"), Some(Locale::De));
        assert_eq!(Locale::parse("NL"), Some(Locale::Nl));
        assert_eq!(Locale::parse("es-419"), Some(Locale::Es));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("pt-BR"), None);
        assert_eq!(Locale::parse(""), None);
        assert_eq!(Locale::parse("french"), None);
        assert_eq!(
            "pt".parse::<Locale>().unwrap_err().to_string(),
            "Unknown locale \"pt\"; the locales are en, fr, es, de, nl."
        );
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.as_str()), Some(*l));
        }
    }
}
