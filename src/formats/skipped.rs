//! Entries an import leaves out, and why. No import is all or nothing: each
//! reader takes every account it can and names every entry it cannot use
//! (HOTP, Steam, an unknown algorithm, a bad key, a digit count outside the
//! 6 to 8 that RFC 6238 allows, an unreadable line), so the user sees what
//! stayed behind before answering questions about the rest. One list, one
//! wording, whatever app the file came from.

use crate::{
    fl,
    formats::{
        may_hold_key,
        otpauth::{UriError, label},
    },
};

/// A refused value as a message names it: quoted only when it cannot hold
/// a key ([`may_hold_key`]), otherwise by its place or its kind alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A number or a short word from another app's file, quoted.
    Quoted(String),
    /// The value of the otpauth URI's parameter at this position (from 1).
    Parameter(usize),
    /// Text that may hold a key: not repeated.
    Unnamed,
}

impl Refused {
    /// `value`, quoted when [`may_hold_key`] allows it.
    pub fn text(value: &str) -> Refused {
        if may_hold_key(value) {
            Refused::Unnamed
        } else {
            Refused::Quoted(value.to_owned())
        }
    }

    /// `how`, `value` and `position` for a `skip-reason-…` message.
    fn args(&self) -> (&'static str, &str, String) {
        match self {
            Refused::Quoted(value) => ("quoted", value.as_str(), String::new()),
            Refused::Parameter(position) => ("parameter", "", position.to_string()),
            Refused::Unnamed => ("none", "", String::new()),
        }
    }
}

/// Why an entry from another app cannot become an account here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A counter-based HOTP key: Ügyfélkapu+ uses time-based codes.
    Hotp,
    /// Steam Guard: its own five-letter codes, not standard TOTP.
    Steam,
    /// Another type we do not know (Yandex, mOTP, a Google type number, …).
    Type(Refused),
    /// An algorithm other than SHA1, SHA256, SHA512 (e.g. MD5).
    Algorithm(Refused),
    /// A digit count outside 6..=8 (RFC 6238 section 1.2, RFC 4226 5.3).
    Digits(Refused),
    /// A period outside 1..=3600 seconds.
    Period(Refused),
    /// The key is missing, empty or not base32.
    BadKey,
    /// Not readable at all: not an otpauth URI, a damaged transfer code,
    /// an entry of the wrong shape.
    Unreadable,
}

/// One entry left out of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its line number, from 1, in files read line by line.
    pub line: Option<usize>,
    /// Issuer and name as the other app shows them; empty when the entry
    /// has none. Shown only when it cannot hold a key ([`may_hold_key`]).
    pub name: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

impl SkipReason {
    /// The reason an otpauth URI was refused.
    pub fn of_uri(error: &UriError) -> SkipReason {
        match error {
            UriError::Hotp => SkipReason::Hotp,
            UriError::Steam => SkipReason::Steam,
            UriError::UnknownType => SkipReason::Type(Refused::Unnamed),
            UriError::Algorithm(at) => SkipReason::Algorithm(Refused::Parameter(*at)),
            UriError::Digits(at) => SkipReason::Digits(Refused::Parameter(*at)),
            UriError::Period(at) => SkipReason::Period(Refused::Parameter(*at)),
            UriError::NoSecret | UriError::Key(_) => SkipReason::BadKey,
            UriError::NotOtpauth | UriError::Encoding => SkipReason::Unreadable,
        }
    }

    /// The reason in the user's language, as the tail of a sentence.
    pub fn words(&self) -> String {
        match self {
            SkipReason::Hotp => fl!("skip-reason-hotp"),
            SkipReason::Steam => fl!("skip-reason-steam"),
            SkipReason::Type(refused) => {
                let (how, value, _) = refused.args();
                fl!("skip-reason-type", how = how, value = value)
            }
            SkipReason::Algorithm(refused) => {
                let (how, value, position) = refused.args();
                fl!(
                    "skip-reason-algorithm",
                    how = how,
                    value = value,
                    position = position
                )
            }
            SkipReason::Digits(refused) => {
                let (how, value, position) = refused.args();
                fl!(
                    "skip-reason-digits",
                    how = how,
                    value = value,
                    position = position
                )
            }
            SkipReason::Period(refused) => {
                let (how, value, position) = refused.args();
                fl!(
                    "skip-reason-period",
                    how = how,
                    value = value,
                    position = position
                )
            }
            SkipReason::BadKey => fl!("skip-reason-key"),
            SkipReason::Unreadable => fl!("skip-reason-unreadable"),
        }
    }
}

impl Skipped {
    /// A line or code that is not readable at all. Not named: an
    /// unreadable line may be a key on its own.
    pub fn unreadable(line: Option<usize>) -> Skipped {
        Skipped {
            line,
            name: String::new(),
            reason: SkipReason::Unreadable,
        }
    }

    /// An otpauth URI that was refused with `error`, named by its label.
    pub fn uri(line: Option<usize>, uri: &str, error: &UriError) -> Skipped {
        Skipped {
            line,
            name: label(uri),
            reason: SkipReason::of_uri(error),
        }
    }

    /// One line for the user: where, what, and why.
    pub fn words(&self) -> String {
        let name = if self.name.is_empty() || may_hold_key(&self.name) {
            fl!("import-skipped-noname")
        } else {
            self.name.clone()
        };
        let reason = self.reason.words();
        match self.line {
            Some(line) => fl!(
                "import-skipped-line",
                line = line.to_string(),
                name = name.as_str(),
                reason = reason.as_str()
            ),
            None => fl!(
                "import-skipped-entry",
                name = name.as_str(),
                reason = reason.as_str()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::otpauth::{KeyError, OtpAuth};

    /// URIs and the reason each is skipped for.
    const URIS: &[(&str, SkipReason)] = &[
        ("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP", SkipReason::Hotp),
        (
            "otpauth://steam/x?secret=JBSWY3DPEHPK3PXP",
            SkipReason::Steam,
        ),
        (
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9",
            SkipReason::Digits(Refused::Parameter(2)),
        ),
        (
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5",
            SkipReason::Digits(Refused::Parameter(2)),
        ),
        (
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
            SkipReason::Algorithm(Refused::Parameter(2)),
        ),
        (
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0",
            SkipReason::Period(Refused::Parameter(2)),
        ),
        (
            "otpauth://yandex/x?secret=JBSWY3DPEHPK3PXP",
            SkipReason::Type(Refused::Unnamed),
        ),
        ("otpauth://totp/x?secret=JBSW0", SkipReason::BadKey),
        ("otpauth://totp/x?issuer=A", SkipReason::BadKey),
        (
            "otpauth://totp/%FF?secret=JBSWY3DPEHPK3PXP",
            SkipReason::Unreadable,
        ),
        ("https://example.com/", SkipReason::Unreadable),
    ];

    #[test]
    fn each_refused_uri_has_its_reason() {
        for (uri, want) in URIS {
            let error = OtpAuth::parse(uri).expect_err(uri);
            assert_eq!(&SkipReason::of_uri(&error), want, "{uri}");
        }
        assert_eq!(
            SkipReason::of_uri(&UriError::Digits(3)),
            SkipReason::Digits(Refused::Parameter(3))
        );
        assert_eq!(
            SkipReason::of_uri(&UriError::Key(KeyError::Empty)),
            SkipReason::BadKey
        );
    }

    #[test]
    fn a_skipped_entry_is_named_with_its_line_and_reason() {
        let skipped = Skipped::uri(
            Some(5),
            "otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII",
            &UriError::Hotp,
        );
        assert_eq!(skipped.name, "Air Canada:Benjamin");
        let words = skipped.words();
        assert!(
            words.contains("5.") && words.contains("Air Canada:Benjamin") && words.contains("HOTP"),
            "{words}"
        );
        let nameless = Skipped {
            line: None,
            name: String::new(),
            reason: SkipReason::Steam,
        };
        assert!(nameless.words().contains("Steam"), "{}", nameless.words());
    }
}
