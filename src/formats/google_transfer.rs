//! Google Authenticator's "Transfer accounts" QR codes:
//! `otpauth-migration://offline?data=BASE64`, where the data is a protobuf
//! `MigrationPayload`. Google never published the schema; the one every
//! reader uses was recovered from the app and is kept by, among others,
//! Aegis (`app/src/main/proto/google_auth.proto`) and `extract_otp_secrets`.
//!
//! This is how a whole family moves onto a new phone in one go: we write
//! these codes so Google Authenticator can import every key at once, and we
//! read the ones an old phone shows. The format knows no period and only
//! six or eight digits: every account is assumed to be 30-second TOTP, so an
//! account with another period or seven digits cannot travel this way
//! ([`representable`]); the caller warns. An account in a code that cannot
//! be used here (HOTP, MD5, no key) is skipped and named; only a damaged
//! code is an error. Pure: text in, accounts out; errors are typed and
//! worded by the caller.

use data_encoding::{BASE64, BASE64_NOPAD, Encoding};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use prost::Message;
use zeroize::{Zeroize, Zeroizing};

use crate::formats::{
    otpauth::{Algorithm, DEFAULT_PERIOD, Key, OtpAuth},
    printable,
    skipped::{Refused, SkipReason, Skipped},
};
use crate::secret::SecretString;

/// The URI prefix up to the query, compared without regard to case.
const PREFIX: &str = "otpauth-migration://offline?";

/// Google Authenticator puts at most ten accounts in one QR code, so that the
/// code stays small enough for a phone camera; so do we.
pub const ACCOUNTS_PER_CODE: usize = 10;

/// The payload version Google Authenticator writes. Older exports omit the
/// field (read as 0); both are the same format.
const VERSION: i32 = 1;

/// `MigrationPayload` (field numbers from the published schema).
#[derive(Clone, PartialEq, Message)]
#[prost(skip_debug)]
struct Payload {
    #[prost(message, repeated, tag = "1")]
    otp_parameters: Vec<Parameters>,
    #[prost(int32, tag = "2")]
    version: i32,
    #[prost(int32, tag = "3")]
    batch_size: i32,
    #[prost(int32, tag = "4")]
    batch_index: i32,
    #[prost(int32, tag = "5")]
    batch_id: i32,
}

/// `MigrationPayload.OtpParameters`. The enums are read as plain `int32`
/// (same wire encoding) so that values we do not know reach our own checks.
/// No `Debug`: it holds the key.
#[derive(Clone, PartialEq, Message)]
#[prost(skip_debug)]
struct Parameters {
    #[prost(bytes = "vec", tag = "1")]
    secret: Vec<u8>,
    #[prost(string, tag = "2")]
    name: String,
    #[prost(string, tag = "3")]
    issuer: String,
    /// 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5.
    #[prost(int32, tag = "4")]
    algorithm: i32,
    /// 0 unspecified, 1 six, 2 eight.
    #[prost(int32, tag = "5")]
    digits: i32,
    /// 0 unspecified, 1 HOTP, 2 TOTP.
    #[prost(int32, tag = "6")]
    kind: i32,
    #[prost(int64, tag = "7")]
    counter: i64,
}

impl Drop for Parameters {
    fn drop(&mut self) {
        self.secret.zeroize();
    }
}

// Enum values of the schema.
const ALGORITHM_UNSPECIFIED: i32 = 0;
const ALGORITHM_SHA1: i32 = 1;
const ALGORITHM_SHA256: i32 = 2;
const ALGORITHM_SHA512: i32 = 3;
const ALGORITHM_MD5: i32 = 4;
const DIGITS_UNSPECIFIED: i32 = 0;
const DIGITS_SIX: i32 = 1;
const DIGITS_EIGHT: i32 = 2;
const TYPE_UNSPECIFIED: i32 = 0;
const TYPE_HOTP: i32 = 1;
const TYPE_TOTP: i32 = 2;

/// One decoded QR code: its accounts and its place in the export.
#[derive(Debug)]
pub struct Batch {
    /// The accounts in this code, in order.
    pub accounts: Vec<OtpAuth>,
    /// The accounts in this code that cannot be used, in order.
    pub skipped: Vec<Skipped>,
    /// This code's position in the export, from 0.
    pub index: u32,
    /// How many codes the export has (at least 1).
    pub size: u32,
    /// The same random number on every code of one export, so codes of
    /// different exports are not mixed up.
    pub id: i32,
}

/// Why a text is not a usable migration code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// It does not start with `otpauth-migration://offline?`.
    NotMigration,
    /// There is no `data` parameter.
    NoData,
    /// The `data` parameter is not percent-encoded base64.
    Encoding,
    /// The data is not a `MigrationPayload`: truncated or damaged.
    Malformed,
    /// A payload version newer than the one we know.
    Version(i32),
    /// The batch position is impossible (index outside 0..size).
    Batch {
        /// The `batch_index` field.
        index: i32,
        /// The `batch_size` field.
        size: i32,
    },
}

/// Whether `account` survives the trip: the format has no period field
/// (every reader assumes 30 seconds) and knows only six or eight digits.
pub fn representable(account: &OtpAuth) -> bool {
    account.period == DEFAULT_PERIOD && matches!(account.digits, 6 | 8)
}

/// True when `text` looks like a migration URI (for telling apart what a QR
/// code holds).
pub fn is_migration(text: &str) -> bool {
    text.trim_start()
        .get(..PREFIX.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(PREFIX))
}

/// Writes `accounts` as migration URIs, at most [`ACCOUNTS_PER_CODE`] per
/// code, numbered 0.. with the same `batch_id`. The period is not written:
/// check [`representable`] first. No accounts give no codes.
pub fn encode(accounts: &[OtpAuth], batch_id: i32) -> Vec<SecretString> {
    let chunks = accounts.chunks(ACCOUNTS_PER_CODE);
    let size = i32::try_from(chunks.len()).unwrap_or(i32::MAX);
    chunks
        .enumerate()
        .map(|(index, chunk)| {
            let payload = Payload {
                otp_parameters: chunk.iter().map(parameters).collect(),
                version: VERSION,
                batch_size: size,
                batch_index: i32::try_from(index).unwrap_or(i32::MAX),
                batch_id,
            };
            let bytes = Zeroizing::new(payload.encode_to_vec());
            let base64 = Zeroizing::new(BASE64.encode(&bytes));
            // Google Authenticator percent-encodes `+`, `/` and `=`; a literal
            // `+` would turn into a space in readers that decode forms.
            let mut uri = String::from("otpauth-migration://offline?data=");
            uri.extend(utf8_percent_encode(&base64, NON_ALPHANUMERIC));
            SecretString::new(uri)
        })
        .collect()
}

/// The protobuf form of one account. The name is `issuer:account`, as Google
/// Authenticator writes it for a key scanned from an otpauth label.
fn parameters(account: &OtpAuth) -> Parameters {
    let name = match &account.issuer {
        Some(issuer) => format!("{issuer}:{}", account.account),
        None => account.account.clone(),
    };
    Parameters {
        secret: account.key.bytes().expose().to_vec(),
        name,
        issuer: account.issuer.clone().unwrap_or_default(),
        algorithm: match account.algorithm {
            Algorithm::Sha1 => ALGORITHM_SHA1,
            Algorithm::Sha256 => ALGORITHM_SHA256,
            Algorithm::Sha512 => ALGORITHM_SHA512,
        },
        digits: if account.digits == 8 {
            DIGITS_EIGHT
        } else {
            DIGITS_SIX
        },
        kind: TYPE_TOTP,
        counter: 0,
    }
}

/// Base64 as found in the wild: standard or URL-safe alphabet, padded or
/// not (the padding is stripped before decoding).
fn base64() -> Encoding {
    let mut spec = BASE64_NOPAD.specification();
    spec.check_trailing_bits = false;
    spec.encoding()
        .expect("the RFC 4648 alphabet is a valid specification")
}

/// Reads one migration URI.
pub fn decode(uri: &str) -> Result<Batch, MigrationError> {
    let uri = uri.trim();
    if !is_migration(uri) {
        return Err(MigrationError::NotMigration);
    }
    let query = &uri[PREFIX.len()..];
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
        .ok_or(MigrationError::NoData)?;
    let text = Zeroizing::new(
        percent_decode_str(raw)
            .decode_utf8()
            .map_err(|_| MigrationError::Encoding)?
            .into_owned(),
    );
    // A reader that decoded the URI as a form turned `+` into a space; the
    // URL-safe alphabet uses `-` and `_`. Padding is optional.
    let cleaned: Zeroizing<String> = Zeroizing::new(
        text.trim()
            .trim_end_matches('=')
            .chars()
            .map(|ch| match ch {
                ' ' | '-' => '+',
                '_' => '/',
                other => other,
            })
            .collect(),
    );
    let bytes = Zeroizing::new(
        base64()
            .decode(cleaned.as_bytes())
            .map_err(|_| MigrationError::Encoding)?,
    );
    let payload = Payload::decode(bytes.as_slice()).map_err(|_| MigrationError::Malformed)?;
    if !(0..=VERSION).contains(&payload.version) {
        return Err(MigrationError::Version(payload.version));
    }
    // A single code written by an old version has no batch fields.
    let size = payload.batch_size.max(1);
    if !(0..size).contains(&payload.batch_index) {
        return Err(MigrationError::Batch {
            index: payload.batch_index,
            size: payload.batch_size,
        });
    }
    let mut accounts = Vec::new();
    let mut skipped = Vec::new();
    for parameters in &payload.otp_parameters {
        match account(parameters) {
            Ok(account) => accounts.push(account),
            Err(reason) => skipped.push(Skipped {
                line: None,
                name: printable(&parameters.name),
                reason,
            }),
        }
    }
    Ok(Batch {
        accounts,
        skipped,
        index: payload.batch_index.unsigned_abs(),
        size: size.unsigned_abs(),
        id: payload.batch_id,
    })
}

/// One protobuf account as an [`OtpAuth`], or why it is skipped;
/// unspecified values take the defaults of the Key Uri Format, as Google
/// Authenticator does.
fn account(parameters: &Parameters) -> Result<OtpAuth, SkipReason> {
    match parameters.kind {
        TYPE_UNSPECIFIED | TYPE_TOTP => {}
        TYPE_HOTP => return Err(SkipReason::Hotp),
        value => return Err(SkipReason::Type(Refused::Quoted(value.to_string()))),
    }
    let algorithm = match parameters.algorithm {
        ALGORITHM_UNSPECIFIED | ALGORITHM_SHA1 => Algorithm::Sha1,
        ALGORITHM_SHA256 => Algorithm::Sha256,
        ALGORITHM_SHA512 => Algorithm::Sha512,
        ALGORITHM_MD5 => return Err(SkipReason::Algorithm(Refused::Quoted("MD5".into()))),
        value => return Err(SkipReason::Algorithm(Refused::Quoted(value.to_string()))),
    };
    let digits = match parameters.digits {
        DIGITS_UNSPECIFIED | DIGITS_SIX => 6,
        DIGITS_EIGHT => 8,
        // The schema's enum has no other value: not a digit count at all.
        _ => return Err(SkipReason::Unreadable),
    };
    if parameters.secret.is_empty() {
        return Err(SkipReason::BadKey);
    }
    let (issuer, account) = split_name(&parameters.name, &parameters.issuer);
    let mut auth = OtpAuth::new(issuer, account, Key::from_bytes(parameters.secret.clone()));
    auth.algorithm = algorithm;
    auth.digits = digits;
    Ok(auth)
}

/// Splits the `name` field like an otpauth label. Google Authenticator
/// writes `issuer:account` when the issuer is known and lets people rename
/// accounts freely, so a colon separates only an issuer prefix that matches
/// the `issuer` field, or any prefix when that field is empty (as the Key
/// Uri Format's label rule).
fn split_name(name: &str, issuer: &str) -> (Option<String>, String) {
    let issuer = issuer.trim();
    let (issuer, account) = if issuer.is_empty() {
        match name.split_once(':') {
            Some((prefix, account)) => (prefix.trim(), account),
            None => ("", name),
        }
    } else {
        let account = name
            .strip_prefix(issuer)
            .and_then(|rest| rest.strip_prefix(':'))
            .unwrap_or(name);
        (issuer, account)
    };
    let issuer = (!issuer.is_empty()).then(|| printable(issuer));
    (issuer, printable(account.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A protobuf field as the wire format carries it
    /// (<https://protobuf.dev/programming-guides/encoding/>): this reader is
    /// written from the specification alone and shares no code with prost,
    /// so it checks what the encoder really wrote.
    #[derive(Debug, PartialEq)]
    enum Wire {
        Varint(u64),
        Bytes(Vec<u8>),
    }

    fn varint(bytes: &mut &[u8]) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = bytes.split_first().expect("varint ends early");
            *bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        panic!("varint longer than ten bytes");
    }

    /// The fields of one message, in order: (field number, value).
    fn fields(mut bytes: &[u8]) -> Vec<(u64, Wire)> {
        let mut out = Vec::new();
        while !bytes.is_empty() {
            let key = varint(&mut bytes);
            let value = match key & 7 {
                0 => Wire::Varint(varint(&mut bytes)),
                2 => {
                    let len = usize::try_from(varint(&mut bytes)).unwrap();
                    let (value, rest) = bytes.split_at(len);
                    bytes = rest;
                    Wire::Bytes(value.to_vec())
                }
                other => panic!("wire type {other} not used by this schema"),
            };
            out.push((key >> 3, value));
        }
        out
    }

    fn field(fields: &[(u64, Wire)], number: u64) -> Option<&Wire> {
        fields.iter().find(|(n, _)| *n == number).map(|(_, v)| v)
    }

    fn int(fields: &[(u64, Wire)], number: u64) -> i64 {
        match field(fields, number) {
            // int32 and int64 are two's complement, sign-extended to 64 bits.
            Some(Wire::Varint(v)) => *v as i64,
            None => 0,
            other => panic!("field {number}: {other:?}"),
        }
    }

    fn text(fields: &[(u64, Wire)], number: u64) -> String {
        match field(fields, number) {
            Some(Wire::Bytes(b)) => String::from_utf8(b.clone()).unwrap(),
            None => String::new(),
            other => panic!("field {number}: {other:?}"),
        }
    }

    /// The payload bytes of a URI, by the plainest route: strip the prefix,
    /// percent-decode, standard padded base64.
    fn payload_bytes(uri: &str) -> Vec<u8> {
        let data = uri
            .strip_prefix("otpauth-migration://offline?data=")
            .unwrap();
        let base64 = percent_decode_str(data).decode_utf8().unwrap();
        BASE64.decode(base64.as_bytes()).unwrap()
    }

    fn family(count: usize) -> Vec<OtpAuth> {
        (0..count)
            .map(|i| {
                let mut account = OtpAuth::new(
                    Some("Ügyfélkapu+".into()),
                    format!("csalad.tag{i}@example.hu"),
                    Key::from_bytes((0..20).map(|b| (b * 7 + i * 13) as u8).collect()),
                );
                if i % 3 == 1 {
                    account.algorithm = Algorithm::Sha256;
                    account.digits = 8;
                }
                if i % 3 == 2 {
                    account.algorithm = Algorithm::Sha512;
                    account.issuer = None;
                }
                account
            })
            .collect()
    }

    #[test]
    fn a_family_of_twelve_is_two_codes_an_independent_reader_understands() {
        let accounts = family(12);
        let uris = encode(&accounts, -123_456);
        assert_eq!(uris.len(), 2);
        let mut seen = 0;
        for (index, uri) in uris.iter().enumerate() {
            let top = fields(&payload_bytes(uri.expose()));
            assert_eq!(int(&top, 2), 1, "version");
            assert_eq!(int(&top, 3), 2, "batch_size");
            assert_eq!(int(&top, 4), index as i64, "batch_index");
            assert_eq!(int(&top, 5) as i32, -123_456, "batch_id");
            let entries: Vec<_> = top
                .iter()
                .filter(|(n, _)| *n == 1)
                .map(|(_, v)| match v {
                    Wire::Bytes(b) => fields(b),
                    other => panic!("{other:?}"),
                })
                .collect();
            assert_eq!(entries.len(), [10, 2][index]);
            for entry in entries {
                let account = &accounts[seen];
                seen += 1;
                assert_eq!(
                    field(&entry, 1),
                    Some(&Wire::Bytes(account.key.bytes().expose().to_vec()))
                );
                let issuer = account.issuer.clone().unwrap_or_default();
                let name = match &account.issuer {
                    Some(issuer) => format!("{issuer}:{}", account.account),
                    None => account.account.clone(),
                };
                assert_eq!(text(&entry, 2), name);
                assert_eq!(text(&entry, 3), issuer);
                let algorithm = match account.algorithm {
                    Algorithm::Sha1 => 1,
                    Algorithm::Sha256 => 2,
                    Algorithm::Sha512 => 3,
                };
                assert_eq!(int(&entry, 4), algorithm);
                assert_eq!(int(&entry, 5), if account.digits == 8 { 2 } else { 1 });
                assert_eq!(int(&entry, 6), 2, "type TOTP");
            }
        }
        assert_eq!(seen, 12);
    }

    #[test]
    fn a_family_of_twelve_comes_back() {
        let accounts = family(12);
        let uris = encode(&accounts, 77);
        let batches: Vec<Batch> = uris.iter().map(|u| decode(u.expose()).unwrap()).collect();
        assert_eq!(
            batches
                .iter()
                .map(|b| (b.index, b.size, b.id, b.accounts.len()))
                .collect::<Vec<_>>(),
            [(0, 2, 77, 10), (1, 2, 77, 2)]
        );
        let back: Vec<OtpAuth> = batches.into_iter().flat_map(|b| b.accounts).collect();
        for (got, want) in back.iter().zip(&accounts) {
            assert!(got == want, "{got:?} != {want:?}");
        }
        assert_eq!(back.len(), accounts.len());
    }

    #[test]
    fn no_accounts_no_codes_and_ten_fit_one() {
        assert!(encode(&[], 1).is_empty());
        assert_eq!(encode(&family(10), 1).len(), 1);
        assert_eq!(encode(&family(11), 1).len(), 2);
    }

    #[test]
    fn only_thirty_seconds_and_six_or_eight_digits_are_representable() {
        let mut account = family(1).remove(0);
        assert!(representable(&account));
        account.digits = 8;
        assert!(representable(&account));
        account.digits = 7;
        assert!(!representable(&account));
        account.digits = 6;
        account.period = 60;
        assert!(!representable(&account));
    }

    /// Real exports from public test suites: (URI, [(issuer, account, key)],
    /// (index, size, id)). Sources: dim13/otpauth README (no version or
    /// batch fields), scito/extract_otp_secrets `example_export.txt` (GA 5.x
    /// with a negative batch id) and `tests/data/test_plus_problem_export.txt`
    /// (unescaped `+` and `/`).
    #[allow(clippy::type_complexity)]
    const REAL: &[(&str, &[(Option<&str>, &str, &str)], (u32, u32, i32))] = &[
        (
            "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC",
            &[(Some("Example"), "alice@google.com", "JBSWY3DPEHPK3PXP")],
            (0, 1, 0),
        ),
        (
            "otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B",
            &[(
                Some("raspberrypi"),
                "pi@raspberrypi",
                "7KSQL2JTUDIS5EF65KLMRQIIGY",
            )],
            (0, 1, -1_320_898_453),
        ),
        (
            "otpauth-migration://offline?data=CigKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpIAEoATACCjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACiQ7OOa%2Bf%2F%2F%2F%2F8B",
            &[
                (None, "pi@raspberrypi", "7KSQL2JTUDIS5EF65KLMRQIIGY"),
                (
                    Some("raspberrypi"),
                    "pi@raspberrypi",
                    "7KSQL2JTUDIS5EF65KLMRQIIGY",
                ),
            ],
            (0, 1, -1_822_886_384),
        ),
        (
            "otpauth-migration://offline?data=CjYKEPqlBekzoNEukL7qlsjBCDYSHGVuY29kaW5nOiDCv8Okw4TDqcOJPyAoZGVtbykgASgBMAIQARgBIAAorfCurv%2F%2F%2F%2F%2F%2FAQ%3D%3D",
            &[(
                Some("encoding"),
                "¿äÄéÉ? (demo)",
                "7KSQL2JTUDIS5EF65KLMRQIIGY",
            )],
            (0, 1, -171_198_419),
        ),
        (
            "otpauth-migration://offline?data=ClEKFAciUeGF4aS6IDCvMv99ySZ1ekKsEiVTZXJlbml0eUxhYnM6dGVzdDFAc2VyZW5pdHlsYWJzLmNvLnVrGgxTZXJlbml0eUxhYnMgASgBMAIKUQoUkIY8/fbrHZWTb4CBln18lvqt0HcSJVNlcmVuaXR5TGFiczp0ZXN0MkBzZXJlbml0eWxhYnMuY28udWsaDFNlcmVuaXR5TGFicyABKAEwAgpRChScf+1/Ua4d4gCY0W/7fj9VBkM9PBIlU2VyZW5pdHlMYWJzOnRlc3QzQHNlcmVuaXR5bGFicy5jby51axoMU2VyZW5pdHlMYWJzIAEoATACClEKFG6Qu0ryTSFA/l5rmvTIXtNeb5LtEiVTZXJlbml0eUxhYnM6dGVzdDRAc2VyZW5pdHlsYWJzLmNvLnVrGgxTZXJlbml0eUxhYnMgASgBMAIQARgBIAAogtTa1vz/////AQ==",
            &[
                (
                    Some("SerenityLabs"),
                    "test1@serenitylabs.co.uk",
                    "A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM",
                ),
                (
                    Some("SerenityLabs"),
                    "test2@serenitylabs.co.uk",
                    "SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX",
                ),
                (
                    Some("SerenityLabs"),
                    "test3@serenitylabs.co.uk",
                    "TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4",
                ),
                (
                    Some("SerenityLabs"),
                    "test4@serenitylabs.co.uk",
                    "N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN",
                ),
            ],
            (0, 1, -891_901_438),
        ),
    ];

    #[test]
    fn real_exports_decode() {
        for (uri, want, (index, size, id)) in REAL {
            let batch = decode(uri).unwrap_or_else(|e| panic!("{uri}: {e:?}"));
            assert_eq!((batch.index, batch.size), (*index, *size), "{uri}");
            assert_eq!(batch.id, *id, "{uri}");
            assert_eq!(batch.accounts.len(), want.len(), "{uri}");
            for (got, (issuer, account, key)) in batch.accounts.iter().zip(*want) {
                assert_eq!(got.issuer.as_deref(), *issuer, "{uri}");
                assert_eq!(got.account, *account, "{uri}");
                assert_eq!(got.key.text().expose(), *key, "{uri}");
                assert_eq!(
                    (got.algorithm, got.digits, got.period),
                    (Algorithm::Sha1, 6, 30)
                );
            }
        }
    }

    /// Payloads built by hand from the schema, base64-encoded into a URI.
    fn uri_of(payload: &[u8]) -> String {
        format!(
            "otpauth-migration://offline?data={}",
            utf8_percent_encode(&BASE64.encode(payload), NON_ALPHANUMERIC)
        )
    }

    /// One account: secret 0x48656c6c6f (5 bytes), name "x", then `extra`.
    fn entry(extra: &[u8]) -> Vec<u8> {
        let mut inner = vec![0x0a, 5, b'H', b'e', b'l', b'l', b'o', 0x12, 1, b'x'];
        inner.extend_from_slice(extra);
        let mut out = vec![0x0a, inner.len() as u8];
        out.extend(inner);
        out
    }

    fn with(mut payload: Vec<u8>, tail: &[u8]) -> Vec<u8> {
        payload.extend_from_slice(tail);
        payload
    }

    /// Bad inputs and the error each must give.
    fn bad_inputs() -> Vec<(String, MigrationError)> {
        let good = REAL[1].0.to_owned();
        let good_bytes = payload_bytes(&good);
        vec![
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP".into(),
                MigrationError::NotMigration,
            ),
            (
                "otpauth-migration://online?data=CjEK".into(),
                MigrationError::NotMigration,
            ),
            (
                "otpauth-migration://offline?foo=bar".into(),
                MigrationError::NoData,
            ),
            (
                "otpauth-migration://offline?data=%FF%FE".into(),
                MigrationError::Encoding,
            ),
            (
                "otpauth-migration://offline?data=Cj*K".into(),
                MigrationError::Encoding,
            ),
            (
                "otpauth-migration://offline?data=C".into(),
                MigrationError::Encoding,
            ),
            // The real export cut short inside its only account.
            (
                uri_of(&good_bytes[..good_bytes.len() / 2]),
                MigrationError::Malformed,
            ),
            // A length prefix claiming more bytes than follow.
            (uri_of(&[0x0a, 0x7f, 0x0a]), MigrationError::Malformed),
            // Field 1 with wire type 7, which does not exist.
            (uri_of(&[0x0f]), MigrationError::Malformed),
            // A name that is not UTF-8.
            (
                uri_of(&[0x0a, 4, 0x12, 2, 0xff, 0xfe]),
                MigrationError::Malformed,
            ),
            (
                uri_of(&with(entry(&[]), &[0x10, 2])),
                MigrationError::Version(2),
            ),
            (
                uri_of(&with(entry(&[]), &[0x18, 2, 0x20, 2])),
                MigrationError::Batch { index: 2, size: 2 },
            ),
        ]
    }

    /// Accounts a code cannot give us, and the reason each is skipped for.
    fn skipped_accounts() -> Vec<(String, Skipped)> {
        let skipped = |name: &str, reason| Skipped {
            line: None,
            name: name.into(),
            reason,
        };
        vec![
            (uri_of(&entry(&[0x30, 1])), skipped("x", SkipReason::Hotp)),
            (uri_of(&entry(&[0x30, 3])), skipped("x", SkipReason::Type(Refused::Quoted("3".into())))),
            (uri_of(&entry(&[0x20, 4])), skipped("x", SkipReason::Algorithm(Refused::Quoted("MD5".into())))),
            (uri_of(&entry(&[0x20, 9])), skipped("x", SkipReason::Algorithm(Refused::Quoted("9".into())))),
            (uri_of(&entry(&[0x28, 3])), skipped("x", SkipReason::Unreadable)),
            (uri_of(&[0x0a, 3, 0x12, 1, b'x']), skipped("x", SkipReason::BadKey)),
            // The HOTP account from scito/extract_otp_secrets' example export.
            (
                "otpauth-migration://offline?data=CiUKEPqlBekzoNEukL7qlsjBCDYSCWhvdHAgZGVtbyABKAEwATgEEAEYASAAKNuv15j6%2F%2F%2F%2F%2FwE%3D".into(),
                skipped("hotp demo", SkipReason::Hotp),
            ),
        ]
    }

    #[test]
    fn unusable_accounts_are_skipped_and_named() {
        for (uri, want) in skipped_accounts() {
            let batch = decode(&uri).unwrap_or_else(|e| panic!("{uri}: {e:?}"));
            assert!(batch.accounts.is_empty(), "{uri}");
            assert_eq!(batch.skipped, [want], "{uri}");
        }
    }

    #[test]
    fn one_unusable_account_does_not_lose_the_others() {
        // An HOTP account between two good ones, and a name with an escape
        // sequence in it.
        let mut payload = entry(&[]);
        payload.extend(entry(&[0x30, 1]));
        let mut evil = vec![0x0a, 5, b'H', b'e', b'l', b'l', b'o', 0x12, 5];
        evil.extend_from_slice(b"\x1b[2Jx");
        payload.push(0x0a);
        payload.push(evil.len() as u8);
        payload.extend(evil);
        let batch = decode(&uri_of(&payload)).unwrap();
        let names: Vec<_> = batch.accounts.iter().map(|a| a.account.as_str()).collect();
        assert_eq!(names, ["x", "\\u{1b}[2Jx"]);
        assert_eq!(batch.skipped.len(), 1);
        assert_eq!(batch.skipped[0].reason, SkipReason::Hotp);
    }

    #[test]
    fn bad_codes_say_why() {
        for (uri, want) in bad_inputs() {
            match decode(&uri) {
                Ok(batch) => panic!("{uri} was accepted: {batch:?}"),
                Err(got) => assert_eq!(got, want, "{uri}"),
            }
        }
    }

    #[test]
    fn hand_built_payload_with_every_field_decodes() {
        // SHA256, eight digits, TOTP, version 1, batch 1 of 3, id 9.
        let payload = with(
            entry(&[0x1a, 1, b'I', 0x20, 2, 0x28, 2, 0x30, 2]),
            &[0x10, 1, 0x18, 3, 0x20, 1, 0x28, 9],
        );
        let batch = decode(&uri_of(&payload)).unwrap();
        assert_eq!((batch.index, batch.size, batch.id), (1, 3, 9));
        let account = &batch.accounts[0];
        assert_eq!(account.key.bytes().expose(), b"Hello");
        assert_eq!(account.issuer.as_deref(), Some("I"));
        assert_eq!(account.account, "x");
        assert_eq!((account.algorithm, account.digits), (Algorithm::Sha256, 8));
    }

    #[test]
    fn forgiving_about_how_the_data_was_copied() {
        let uri = encode(&family(3), 5).remove(0);
        let data = uri.expose().split_once("data=").unwrap().1;
        let base64 = percent_decode_str(data).decode_utf8().unwrap().into_owned();
        let variants = [
            // Unescaped, as some apps write it.
            format!("otpauth-migration://offline?data={base64}"),
            // Upper-case scheme, no padding, trailing spaces and newline.
            format!(
                "OTPAUTH-MIGRATION://OFFLINE?data={}  \n",
                base64.trim_end_matches('=')
            ),
            // `+` turned into a space by a form decoder.
            format!(
                "otpauth-migration://offline?data={}",
                base64.replace('+', " ")
            ),
            // The URL-safe alphabet.
            format!(
                "otpauth-migration://offline?data={}",
                base64.replace('+', "-").replace('/', "_")
            ),
        ];
        let want = decode(uri.expose()).unwrap().accounts;
        for variant in variants {
            let got = decode(&variant).unwrap_or_else(|e| panic!("{variant}: {e:?}"));
            assert!(got.accounts == want, "{variant}");
        }
    }

    /// (name, issuer field) and the (issuer, account) we read.
    const NAMES: &[(&str, &str, Option<&str>, &str)] = &[
        (
            "Example:alice@google.com",
            "Example",
            Some("Example"),
            "alice@google.com",
        ),
        ("Example: alice", "", Some("Example"), "alice"),
        ("alice", "Example", Some("Example"), "alice"),
        (
            "Mama: kovacs.maria",
            "Ügyfélkapu+",
            Some("Ügyfélkapu+"),
            "Mama: kovacs.maria",
        ),
        ("A:B:c", "A:B", Some("A:B"), "c"),
        ("justme", "", None, "justme"),
    ];

    #[test]
    fn names_split_like_otpauth_labels() {
        for (name, issuer, want_issuer, want_account) in NAMES {
            let (got_issuer, got_account) = split_name(name, issuer);
            assert_eq!(got_issuer.as_deref(), *want_issuer, "{name}");
            assert_eq!(got_account, *want_account, "{name}");
        }
    }

    #[test]
    fn a_migration_code_survives_a_printed_qr_code() {
        let uri = encode(&family(10), 2024).remove(0);
        let png = crate::qr::draw::png(&uri, 4).unwrap();
        let texts = crate::qr::read::read_qr_codes(png.expose(), is_migration).unwrap();
        assert_eq!(texts[0], uri.expose());
        let back = decode(&texts[0]).unwrap();
        assert!(back.accounts == family(10));
    }

    proptest! {
        #[test]
        fn decode_never_panics_on_text(input in "\\PC{0,200}") {
            let _ = decode(&input);
        }

        #[test]
        fn decode_never_panics_on_payload_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode(&uri_of(&bytes));
        }

        #[test]
        fn any_thirty_second_accounts_round_trip(
            keys in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 1..40), 1..25),
            issuer in proptest::option::of("[^:]{1,12}"),
            account in "\\PC{0,20}",
            batch_id in any::<i32>(),
        ) {
            // Names are trimmed when read, and a colon is only ambiguous
            // when there is no issuer (as in otpauth labels).
            let issuer = issuer.map(|i| i.trim().to_owned()).filter(|i| !i.is_empty());
            let account = account.trim().to_owned();
            let account = if issuer.is_none() { account.replace(':', "_") } else { account };
            let accounts: Vec<OtpAuth> = keys
                .into_iter()
                .map(|key| OtpAuth::new(issuer.clone(), account.clone(), Key::from_bytes(key)))
                .collect();
            let back: Vec<OtpAuth> = encode(&accounts, batch_id)
                .iter()
                .flat_map(|uri| decode(uri.expose()).unwrap().accounts)
                .collect();
            // Names come back printable: control characters escaped.
            let printable: Vec<OtpAuth> =
                accounts.into_iter().map(crate::formats::printable_names).collect();
            prop_assert!(back == printable);
        }
    }
}
