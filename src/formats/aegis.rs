//! Aegis Authenticator's vault export, unencrypted: how Android users who
//! keep their keys in Aegis bring them in, and how we hand a family's keys
//! to Aegis. The format is documented in Aegis' `docs/vault.md`
//! (<https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md>):
//!
//! ```json
//! {"version": 1, "header": {"slots": null, "params": null},
//!  "db": {"version": 3, "entries": [{"type": "totp", "uuid": "…",
//!   "name": "…", "issuer": "…", "note": "…", "icon": null,
//!   "info": {"secret": "BASE32", "algo": "SHA1", "digits": 6, "period": 30}}],
//!   "groups": []}}
//! ```
//!
//! An encrypted export has `slots` and a base64 string for `db`; we do not
//! ask for the user's Aegis password, so it is refused with its own error and
//! the caller tells the user to export a plain one. Entries Ügyfélkapu+
//! cannot use (HOTP, Steam, Yandex, mOTP, odd digit counts) are skipped and
//! named, not fatal. Pure: bytes in, accounts out.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::formats::otpauth::{Algorithm, Key, OtpAuth};
use crate::secret::SecretString;

/// The outer file format version Aegis writes.
const FILE_VERSION: u64 = 1;

/// The newest content (`db`) version we know: 1 had `group`, 2 added icons,
/// 3 group lists. Each one only added fields, which we ignore.
const DB_VERSION: u64 = 3;

/// One account with the free text Aegis shows beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Issuer, name (as the account), key, algorithm, digits, period.
    pub account: OtpAuth,
    /// Aegis' `note` (we put the family member's name there).
    pub note: String,
}

/// An entry left out of an import, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Issuer and name as Aegis shows them, e.g. `Boeing: Sophia`.
    pub name: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why an Aegis entry cannot become an Ügyfélkapu+ style TOTP account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Another type than `totp`: `hotp`, `steam`, `yandex`, `motp`, …
    Type(String),
    /// A digit count other than 6 or 8.
    Digits(u64),
    /// An algorithm other than SHA1, SHA256, SHA512 (e.g. MD5).
    Algorithm(String),
    /// A period outside 1..=3600 seconds.
    Period(u64),
}

/// What an import found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Imported {
    /// The usable accounts, in file order.
    pub accounts: Vec<Entry>,
    /// The entries left out, in file order.
    pub skipped: Vec<Skipped>,
}

/// Why a file cannot be imported as an Aegis vault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AegisError {
    /// A password-protected export.
    Encrypted,
    /// Not JSON, or JSON of another shape; the detail is the parser's words
    /// for a maintainer (it points at a position, never at a key).
    Malformed(String),
    /// A file or content version newer than we know.
    Version(u64),
    /// A TOTP entry whose secret is not base32.
    BadSecret {
        /// Issuer and name as Aegis shows them.
        name: String,
    },
}

#[derive(Deserialize)]
struct File {
    version: u64,
    header: Header,
    db: Value,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    slots: Value,
}

#[derive(Deserialize)]
struct Db {
    version: u64,
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct RawEntry {
    #[serde(rename = "type")]
    kind: String,
    // Aegis itself requires these two; other writers sometimes leave them
    // out, and an empty name is still a usable key.
    #[serde(default)]
    name: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    issuer: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    note: String,
    info: Value,
}

#[derive(Deserialize)]
struct TotpInfo {
    #[serde(deserialize_with = "secret")]
    secret: SecretString,
    algo: String,
    digits: u64,
    period: u64,
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
    String::deserialize(d).map(SecretString::new)
}

fn malformed(error: serde_json::Error) -> AegisError {
    AegisError::Malformed(error.to_string())
}

/// Reads an Aegis export.
pub fn import(bytes: &[u8]) -> Result<Imported, AegisError> {
    let file: File = serde_json::from_slice(bytes).map_err(malformed)?;
    // Encrypted exports carry key slots and a base64 string for `db`.
    if !file.header.slots.is_null() || file.db.is_string() {
        return Err(AegisError::Encrypted);
    }
    if file.version != FILE_VERSION {
        return Err(AegisError::Version(file.version));
    }
    let db: Db = serde_json::from_value(file.db).map_err(malformed)?;
    if !(1..=DB_VERSION).contains(&db.version) {
        return Err(AegisError::Version(db.version));
    }
    let mut imported = Imported::default();
    for raw in db.entries {
        let shown = if raw.issuer.is_empty() {
            raw.name.clone()
        } else {
            format!("{}: {}", raw.issuer, raw.name)
        };
        let skip = |reason| Skipped {
            name: shown.clone(),
            reason,
        };
        if raw.kind != "totp" {
            imported.skipped.push(skip(SkipReason::Type(raw.kind)));
            continue;
        }
        let info: TotpInfo = serde_json::from_value(raw.info).map_err(malformed)?;
        let algorithm = match info.algo.to_ascii_uppercase().as_str() {
            "SHA1" => Algorithm::Sha1,
            "SHA256" => Algorithm::Sha256,
            "SHA512" => Algorithm::Sha512,
            _ => {
                imported
                    .skipped
                    .push(skip(SkipReason::Algorithm(info.algo)));
                continue;
            }
        };
        let digits = match info.digits {
            6 => 6,
            8 => 8,
            other => {
                imported.skipped.push(skip(SkipReason::Digits(other)));
                continue;
            }
        };
        // The same range the otpauth parser accepts.
        let Some(period) = u32::try_from(info.period)
            .ok()
            .filter(|p| (1..=3600).contains(p))
        else {
            imported.skipped.push(skip(SkipReason::Period(info.period)));
            continue;
        };
        let key = Key::parse(info.secret.expose()).map_err(|_| AegisError::BadSecret {
            name: shown.clone(),
        })?;
        let issuer = (!raw.issuer.trim().is_empty()).then(|| raw.issuer.trim().to_owned());
        let mut account = OtpAuth::new(issuer, raw.name.trim().to_owned(), key);
        account.algorithm = algorithm;
        account.digits = digits;
        account.period = period;
        imported.accounts.push(Entry {
            account,
            note: raw.note,
        });
    }
    Ok(imported)
}

#[derive(Serialize)]
struct OutFile<'a> {
    version: u64,
    header: OutHeader,
    db: OutDb<'a>,
}

#[derive(Serialize)]
struct OutHeader {
    slots: Option<()>,
    params: Option<()>,
}

#[derive(Serialize)]
struct OutDb<'a> {
    version: u64,
    entries: Vec<OutEntry<'a>>,
    groups: [(); 0],
}

#[derive(Serialize)]
struct OutEntry<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    uuid: String,
    name: &'a str,
    issuer: &'a str,
    note: &'a str,
    favorite: bool,
    icon: Option<()>,
    info: OutInfo<'a>,
    groups: [(); 0],
}

#[derive(Serialize)]
struct OutInfo<'a> {
    secret: &'a str,
    algo: &'static str,
    digits: u8,
    period: u32,
}

/// A random (version 4) UUID in its usual text form (RFC 9562 section 5.4),
/// which Aegis requires for every entry.
fn uuid_v4(rng: &mut impl rand::Rng) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Writes `entries` as a plain Aegis export (file version 1, content
/// version 3) that Aegis' "Import from file → Aegis" reads. `rng` makes the
/// entry UUIDs.
pub fn export(entries: &[Entry], rng: &mut impl rand::Rng) -> SecretString {
    let file = OutFile {
        version: FILE_VERSION,
        header: OutHeader {
            slots: None,
            params: None,
        },
        db: OutDb {
            version: DB_VERSION,
            entries: entries
                .iter()
                .map(|entry| OutEntry {
                    kind: "totp",
                    uuid: uuid_v4(rng),
                    name: &entry.account.account,
                    issuer: entry.account.issuer.as_deref().unwrap_or(""),
                    note: &entry.note,
                    favorite: false,
                    icon: None,
                    info: OutInfo {
                        secret: entry.account.key.text().expose(),
                        algo: entry.account.algorithm.name(),
                        digits: entry.account.digits,
                        period: entry.account.period,
                    },
                    groups: [],
                })
                .collect(),
            groups: [],
        },
    };
    SecretString::new(
        serde_json::to_string_pretty(&file).expect("plain structs always serialize to JSON"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::SeedableRng;

    /// A plain export in the shape Aegis writes (content version 3), with
    /// one entry of every kind we must handle.
    const PLAIN: &str = r#"{
        "version": 1,
        "header": {"slots": null, "params": null},
        "db": {"version": 3, "entries": [
            {"type": "totp", "uuid": "3ae6f1ad-2e65-4ed2-a953-1ec0dff2386d",
             "name": "kovacs.maria", "issuer": "Ügyfélkapu+", "note": "Mama",
             "favorite": false, "icon": null, "groups": [],
             "info": {"secret": "ABCDEFGHIJKLMNOPQRST", "algo": "SHA1", "digits": 6, "period": 30}},
            {"type": "totp", "uuid": "84b55971-a3d2-4173-a5bb-0aea113dbc17",
             "name": "James", "issuer": "SPDX", "icon": null,
             "info": {"secret": "5OM4WOOGPLQEF6UGN3CPEOOLWU", "algo": "SHA256", "digits": 8, "period": 60}},
            {"type": "totp", "uuid": "3deaff2e-f181-4837-80e1-fdf0c54e9363",
             "name": "Elijah", "issuer": "", "icon": null,
             "info": {"secret": "7ELGJSGXNCCTV3O6LKJWYFV2RA", "algo": "SHA512", "digits": 7, "period": 30}},
            {"type": "hotp", "uuid": "0a8c0571-ff6f-4b02-aa4b-50553b4fb4fe",
             "name": "James", "issuer": "Issuu", "icon": null,
             "info": {"secret": "YOOMIXWS5GN6RTBPUFFWKTW5M4", "algo": "SHA1", "digits": 6, "counter": 1}},
            {"type": "steam", "uuid": "5b11ae3b-6fc3-4d46-8ca7-cf0aea7de920",
             "name": "Sophia", "issuer": "Boeing", "icon": null,
             "info": {"secret": "JRZCL47CMXVOQMNPZR2F7J4RGI", "algo": "SHA1", "digits": 5, "period": 30}},
            {"type": "totp", "uuid": "b25f8815-007f-40f7-a700-ce058ac05435",
             "name": "Mason", "issuer": "WWE", "icon": null,
             "info": {"secret": "5VAML3X35THCEBVRLV24CGBKOY", "algo": "MD5", "digits": 6, "period": 30}}
        ], "groups": []}
    }"#;

    #[test]
    fn plain_export_imports_and_names_what_it_skips() {
        let imported = import(PLAIN.as_bytes()).unwrap();
        let got: Vec<_> = imported
            .accounts
            .iter()
            .map(|e| {
                let a = &e.account;
                (
                    a.issuer.as_deref(),
                    a.account.as_str(),
                    a.key.text().expose(),
                    a.algorithm,
                    a.digits,
                    a.period,
                    e.note.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Ügyfélkapu+"),
                    "kovacs.maria",
                    "ABCDEFGHIJKLMNOPQRST",
                    Algorithm::Sha1,
                    6,
                    30,
                    "Mama"
                ),
                (
                    Some("SPDX"),
                    "James",
                    "5OM4WOOGPLQEF6UGN3CPEOOLWU",
                    Algorithm::Sha256,
                    8,
                    60,
                    ""
                ),
            ]
        );
        assert_eq!(
            imported.skipped,
            [
                Skipped {
                    name: "Elijah".into(),
                    reason: SkipReason::Digits(7)
                },
                Skipped {
                    name: "Issuu: James".into(),
                    reason: SkipReason::Type("hotp".into())
                },
                Skipped {
                    name: "Boeing: Sophia".into(),
                    reason: SkipReason::Type("steam".into())
                },
                Skipped {
                    name: "WWE: Mason".into(),
                    reason: SkipReason::Algorithm("MD5".into())
                },
            ]
        );
    }

    fn family() -> Vec<Entry> {
        let mut entries = Vec::new();
        for (i, (note, account)) in [
            ("Én", "kovacs.janos"),
            ("Mama", "kovacs.maria"),
            ("Papa", "kovacs.jozsef"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut auth = OtpAuth::new(
                Some("Ügyfélkapu+".into()),
                account.into(),
                Key::parse(
                    [
                        "ABCDEFGHIJKLMNOPQRST",
                        "GEZDGNBVGY3TQOJQ",
                        "JBSWY3DPEHPK3PXP",
                    ][i],
                )
                .unwrap(),
            );
            auth.algorithm = [Algorithm::Sha1, Algorithm::Sha256, Algorithm::Sha512][i];
            auth.digits = [6, 8, 6][i];
            auth.period = [30, 30, 60][i];
            entries.push(Entry {
                account: auth,
                note: note.into(),
            });
        }
        // No issuer and a name with quotes and a colon.
        entries.push(Entry {
            account: OtpAuth::new(None, "\"Öcsi\": x".into(), Key::parse("MZXW6YQ").unwrap()),
            note: String::new(),
        });
        entries
    }

    #[test]
    fn export_imports_back_equal() {
        let entries = family();
        let json = export(&entries, &mut rand::rngs::StdRng::seed_from_u64(1));
        let back = import(json.expose().as_bytes()).unwrap();
        assert!(back.skipped.is_empty());
        assert_eq!(back.accounts, entries);
        // The key text is kept exactly, including a 20-character key.
        assert_eq!(
            back.accounts[0].account.key.text().expose(),
            "ABCDEFGHIJKLMNOPQRST"
        );
    }

    #[test]
    fn export_has_what_aegis_requires() {
        let json = export(&family(), &mut rand::rngs::StdRng::seed_from_u64(7));
        let value: Value = serde_json::from_str(json.expose()).unwrap();
        assert_eq!(value["version"], 1);
        assert!(value["header"]["slots"].is_null() && value["header"]["params"].is_null());
        assert_eq!(value["db"]["version"], 3);
        assert_eq!(value["db"]["groups"], Value::Array(vec![]));
        let entries = value["db"]["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 4);
        let mut uuids = std::collections::HashSet::new();
        for entry in entries {
            for field in ["type", "uuid", "name", "issuer", "note", "info"] {
                assert!(entry[field].is_string() || field == "info", "{field}");
            }
            assert_eq!(entry["type"], "totp");
            let uuid = entry["uuid"].as_str().unwrap();
            assert!(is_uuid_v4(uuid), "{uuid}");
            assert!(uuids.insert(uuid.to_owned()), "repeated {uuid}");
            let info = &entry["info"];
            assert!(info["secret"].is_string() && info["algo"].is_string());
            assert!(info["digits"].is_u64() && info["period"].is_u64());
        }
        assert_eq!(entries[3]["issuer"], "");
    }

    /// Checks the text form independently of `uuid_v4`: 8-4-4-4-12 lower
    /// hex, version nibble 4, variant nibble 8..b (RFC 9562).
    fn is_uuid_v4(text: &str) -> bool {
        let groups: Vec<&str> = text.split('-').collect();
        groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
            && groups
                .iter()
                .all(|g| g.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
            && groups[2].starts_with('4')
            && groups[3].starts_with(['8', '9', 'a', 'b'])
    }

    #[test]
    fn uuids_come_from_the_rng_given() {
        let a = uuid_v4(&mut rand::rngs::StdRng::seed_from_u64(3));
        let b = uuid_v4(&mut rand::rngs::StdRng::seed_from_u64(3));
        let c = uuid_v4(&mut rand::rngs::StdRng::seed_from_u64(4));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(is_uuid_v4(&a) && is_uuid_v4(&c));
    }

    /// The shape of Aegis' own encrypted test vault
    /// (`app/src/test/resources/.../importers/aegis_encrypted.json`), with
    /// the ciphertext shortened.
    const ENCRYPTED: &str = r#"{"version": 1, "header": {"slots": [{"type": 1,
        "uuid": "a8325752-c1be-458a-9b3e-5e0a8154d9ec", "key": "491d4455",
        "key_params": {"nonce": "e9705513ba4951fa7a0608d2", "tag": "931237af257b83c693ddb8f9a7eddaf0"},
        "n": 32768, "r": 8, "p": 1, "salt": "27ea9ae5", "repaired": true}],
        "params": {"nonce": "095fd13dee336fa56b4634ff", "tag": "5db2470edf2d12f82a89ae7f48ccd50c"}},
        "db": "RtGfUrZ01nzRnvHjPJGyWjfa6shQ7NYwa491CgAWNBM8OeGZVIHhnDAVlVWNlSoq2V097p5Yq5m+SFl5g9nBBBQ=="}"#;

    /// Files that must be refused, and the error (for Malformed, only the kind).
    const BAD: &[(&str, AegisError)] = &[
        (ENCRYPTED, AegisError::Encrypted),
        (
            r#"{"version": 1, "header": {"slots": null, "params": null}, "db": "c2VjcmV0"}"#,
            AegisError::Encrypted,
        ),
        ("", AegisError::Malformed(String::new())),
        ("not json", AegisError::Malformed(String::new())),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3, "entries": [{"type": "totp""#,
            AegisError::Malformed(String::new()),
        ),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3}}"#,
            AegisError::Malformed(String::new()),
        ),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3, "entries": [{"type": "totp", "name": "x", "info": {"secret": 5, "algo": "SHA1", "digits": 6, "period": 30}}]}}"#,
            AegisError::Malformed(String::new()),
        ),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3, "entries": [{"type": "totp", "name": "x", "info": {"algo": "SHA1", "digits": 6, "period": 30}}]}}"#,
            AegisError::Malformed(String::new()),
        ),
        (r#"[1, 2, 3]"#, AegisError::Malformed(String::new())),
        (
            r#"{"version": 2, "header": {"slots": null}, "db": {"version": 3, "entries": []}}"#,
            AegisError::Version(2),
        ),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 4, "entries": []}}"#,
            AegisError::Version(4),
        ),
        (
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3, "entries": [{"type": "totp", "name": "x", "issuer": "Y", "info": {"secret": "AB0", "algo": "SHA1", "digits": 6, "period": 30}}]}}"#,
            AegisError::BadSecret {
                name: String::new(),
            },
        ),
    ];

    #[test]
    fn bad_files_say_why() {
        for (text, want) in BAD {
            let got = match import(text.as_bytes()) {
                Ok(imported) => panic!("{text} was accepted: {imported:?}"),
                Err(error) => error,
            };
            match (&got, want) {
                (AegisError::Malformed(detail), AegisError::Malformed(_)) => {
                    assert!(!detail.is_empty(), "{text}");
                }
                (AegisError::BadSecret { name }, AegisError::BadSecret { .. }) => {
                    assert_eq!(name, "Y: x");
                }
                _ => assert_eq!(&got, want, "{text}"),
            }
        }
    }

    proptest! {
        #[test]
        fn import_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = import(&bytes);
        }

        #[test]
        fn import_never_panics_on_vault_like_json(
            kind in "totp|hotp|steam|x",
            name in "\\PC{0,10}",
            secret in "[A-Z2-7a-z0-9=]{0,20}",
            algo in "SHA1|SHA256|SHA512|MD5|\\PC{0,4}",
            digits in any::<u64>(),
            period in any::<u64>(),
            db_version in 0u64..6,
        ) {
            let text = serde_json::json!({
                "version": 1, "header": {"slots": null, "params": null},
                "db": {"version": db_version, "entries": [{"type": kind, "name": name, "issuer": name,
                    "info": {"secret": secret, "algo": algo, "digits": digits, "period": period}}]}
            }).to_string();
            let _ = import(text.as_bytes());
        }
    }
}
