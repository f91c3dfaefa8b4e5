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
//! cannot use (HOTP, Steam, Yandex, mOTP, a digit count outside 6 to 8, a
//! bad key, an entry of the wrong shape) are skipped and named, never
//! fatal: only a file that is not an Aegis vault at all is refused. Names
//! are made printable as they are read. Pure: bytes in, accounts out.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::formats::{
    otpauth::{Algorithm, DIGITS, Key, OtpAuth},
    printable,
    skipped::{Refused, SkipReason, Skipped},
};
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

/// What an import found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Imported {
    /// The usable accounts, in file order.
    pub accounts: Vec<Entry>,
    /// The entries left out, in file order, named `Issuer: name` as Aegis
    /// shows them.
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
    // Each entry is read on its own, so one of the wrong shape is skipped
    // instead of refusing the whole file.
    entries: Vec<Value>,
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

/// The parameters of a `totp` entry; its `secret` is read on its own.
#[derive(Deserialize)]
struct TotpInfo {
    algo: String,
    digits: u64,
    period: u64,
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

fn malformed(error: serde_json::Error) -> AegisError {
    AegisError::Malformed(error.to_string())
}

/// How Aegis shows an entry, made printable: `Issuer: name`, or the name.
fn shown(issuer: &str, name: &str) -> String {
    if issuer.is_empty() {
        printable(name)
    } else {
        printable(&format!("{issuer}: {name}"))
    }
}

/// The name of an entry whose shape is wrong, from whatever is readable.
fn shown_raw(value: &Value) -> String {
    let field = |name| value.get(name).and_then(Value::as_str).unwrap_or("");
    shown(field("issuer"), field("name"))
}

/// One vault entry as an account, or why it is skipped.
fn entry(value: Value) -> Result<Entry, Skipped> {
    let unreadable = Skipped {
        line: None,
        name: shown_raw(&value),
        reason: SkipReason::Unreadable,
    };
    let raw: RawEntry = serde_json::from_value(value).map_err(|_| unreadable.clone())?;
    let skip = |reason| Skipped {
        line: None,
        name: shown(&raw.issuer, &raw.name),
        reason,
    };
    match raw.kind.as_str() {
        "totp" => {}
        "hotp" => return Err(skip(SkipReason::Hotp)),
        "steam" => return Err(skip(SkipReason::Steam)),
        other => return Err(skip(SkipReason::Type(Refused::text(other)))),
    }
    // A missing or non-text secret is a bad key; any other wrong shape of
    // `info` is unreadable.
    let secret = match raw.info.get("secret").and_then(Value::as_str) {
        Some(secret) => SecretString::new(secret.to_owned()),
        None => return Err(skip(SkipReason::BadKey)),
    };
    let info: TotpInfo =
        serde_json::from_value(raw.info).map_err(|_| skip(SkipReason::Unreadable))?;
    let algorithm = match info.algo.to_ascii_uppercase().as_str() {
        "SHA1" => Algorithm::Sha1,
        "SHA256" => Algorithm::Sha256,
        "SHA512" => Algorithm::Sha512,
        _ => return Err(skip(SkipReason::Algorithm(Refused::text(&info.algo)))),
    };
    let Some(digits) = u8::try_from(info.digits)
        .ok()
        .filter(|d| DIGITS.contains(d))
    else {
        return Err(skip(SkipReason::Digits(Refused::Quoted(
            info.digits.to_string(),
        ))));
    };
    // The same range the otpauth parser accepts.
    let Some(period) = u32::try_from(info.period)
        .ok()
        .filter(|p| (1..=3600).contains(p))
    else {
        return Err(skip(SkipReason::Period(Refused::Quoted(
            info.period.to_string(),
        ))));
    };
    let key = Key::parse(secret.expose()).map_err(|_| skip(SkipReason::BadKey))?;
    let issuer = Some(printable(raw.issuer.trim())).filter(|issuer| !issuer.is_empty());
    let mut account = OtpAuth::new(issuer, printable(raw.name.trim()), key);
    account.algorithm = algorithm;
    account.digits = digits;
    account.period = period;
    Ok(Entry {
        account,
        note: printable(&raw.note),
    })
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
    for value in db.entries {
        match entry(value) {
            Ok(entry) => imported.accounts.push(entry),
            Err(skipped) => imported.skipped.push(skipped),
        }
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
                (
                    None,
                    "Elijah",
                    "7ELGJSGXNCCTV3O6LKJWYFV2RA",
                    Algorithm::Sha512,
                    7,
                    30,
                    ""
                ),
            ]
        );
        let skipped = |name: &str, reason| Skipped {
            line: None,
            name: name.into(),
            reason,
        };
        assert_eq!(
            imported.skipped,
            [
                skipped("Issuu: James", SkipReason::Hotp),
                skipped("Boeing: Sophia", SkipReason::Steam),
                skipped(
                    "WWE: Mason",
                    SkipReason::Algorithm(Refused::Quoted("MD5".into()))
                ),
            ]
        );
    }

    /// Aegis' own plain test export, copied from its repository
    /// (`tests/data/aegis/README.md` names the source): three TOTP
    /// accounts with 6, 7 and 8 digits, three HOTP and one Steam entry.
    const AEGIS_PLAIN: &[u8] = include_bytes!("../../tests/data/aegis/aegis_plain.json");

    #[test]
    fn aegis_own_test_export_gives_three_accounts_and_names_four() {
        let imported = import(AEGIS_PLAIN).unwrap();
        let got: Vec<_> = imported
            .accounts
            .iter()
            .map(|e| {
                let a = &e.account;
                (
                    a.issuer.as_deref().unwrap_or(""),
                    a.account.as_str(),
                    a.algorithm,
                    a.digits,
                    a.period,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Deno", "Mason", Algorithm::Sha1, 6, 30),
                ("SPDX", "James", Algorithm::Sha256, 7, 20),
                ("Airbnb", "Elijah", Algorithm::Sha512, 8, 50),
            ]
        );
        let skipped: Vec<_> = imported
            .skipped
            .iter()
            .map(|s| (s.name.as_str(), s.reason.clone()))
            .collect();
        assert_eq!(
            skipped,
            [
                ("Issuu: James", SkipReason::Hotp),
                ("Air Canada: Benjamin", SkipReason::Hotp),
                ("WWE: Mason", SkipReason::Hotp),
                ("Boeing: Sophia", SkipReason::Steam),
            ]
        );
    }

    /// Entries one by one: (the entry, what it becomes). Every bad entry is
    /// skipped with its reason, and the good one beside it still comes in.
    #[test]
    fn each_bad_entry_is_skipped_with_its_reason() {
        let info = |secret: Value, algo: &str, digits: u64, period: u64| serde_json::json!({"secret": secret, "algo": algo, "digits": digits, "period": period});
        let key = || Value::from("JBSWY3DPEHPK3PXP");
        let cases: Vec<(Value, SkipReason)> = vec![
            (
                serde_json::json!({"type": "yandex", "name": "y", "info": {}}),
                SkipReason::Type(Refused::Quoted("yandex".into())),
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": info(key(), "SHA1", 5, 30)}),
                SkipReason::Digits(Refused::Quoted("5".into())),
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": info(key(), "SHA1", 9, 30)}),
                SkipReason::Digits(Refused::Quoted("9".into())),
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": info(key(), "SHA1", 6, 0)}),
                SkipReason::Period(Refused::Quoted("0".into())),
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": info("AB0".into(), "SHA1", 6, 30)}),
                SkipReason::BadKey,
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": info(5.into(), "SHA1", 6, 30)}),
                SkipReason::BadKey,
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": {"algo": "SHA1", "digits": 6, "period": 30}}),
                SkipReason::BadKey,
            ),
            (
                serde_json::json!({"type": "totp", "name": "y", "info": {"secret": "JBSWY3DPEHPK3PXP", "digits": 6}}),
                SkipReason::Unreadable,
            ),
            (
                serde_json::json!({"name": "y", "info": {}}),
                SkipReason::Unreadable,
            ),
            (serde_json::json!("y"), SkipReason::Unreadable),
        ];
        for (bad, reason) in cases {
            let good = serde_json::json!({"type": "totp", "name": "ok", "issuer": "I",
                "info": info(key(), "SHA1", 6, 30)});
            let file = serde_json::json!({"version": 1, "header": {"slots": null},
                "db": {"version": 3, "entries": [bad, good]}})
            .to_string();
            let imported = import(file.as_bytes()).unwrap_or_else(|e| panic!("{bad}: {e:?}"));
            assert_eq!(imported.accounts.len(), 1, "{bad}");
            assert_eq!(imported.accounts[0].account.account, "ok");
            let name = if bad.is_object() { "y" } else { "" };
            assert_eq!(
                imported.skipped,
                [Skipped {
                    line: None,
                    name: name.into(),
                    reason
                }],
                "{bad}"
            );
        }
    }

    #[test]
    fn names_with_terminal_controls_are_made_printable() {
        let file = serde_json::json!({"version": 1, "header": {"slots": null},
            "db": {"version": 3, "entries": [
                {"type": "totp", "name": "an\rna", "issuer": "\u{1b}[31mBank\u{202e}",
                 "note": "\u{7}", "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 30}},
                {"type": "hotp", "name": "x", "issuer": "\u{1b}]0;title\u{7}",
                 "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "counter": 1}}
            ]}})
        .to_string();
        let imported = import(file.as_bytes()).unwrap();
        let account = &imported.accounts[0];
        assert_eq!(
            account.account.issuer.as_deref(),
            Some("\\u{1b}[31mBank\\u{202e}")
        );
        assert_eq!(account.account.account, "an\\u{d}na");
        assert_eq!(account.note, "\\u{7}");
        assert_eq!(imported.skipped[0].name, "\\u{1b}]0;title\\u{7}: x");
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
            r#"{"version": 1, "header": {"slots": null}, "db": {"version": 3, "entries": {}}}"#,
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
