//! The plaintext of the bundle: a tar archive that a person can use without
//! kapukulcs (`age -d kapukulcs-mentes.age | tar x`). It holds a versioned
//! JSON manifest, and for each person a plain-text card, a freshly drawn QR
//! picture and the original picture as saved, plus a read-me and a list of
//! all otpauth URIs. Keys a person no longer uses (cancelled when a phone
//! was lost, then replaced) stay in a `korabbi` folder beside the card. `docs/bundle-format.md` describes it for maintainers.
//! Pure: a family in, bytes out, and back.

use std::{
    collections::BTreeMap,
    io::{Cursor, Read},
};

use data_encoding::HEXLOWER;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::{
    family::{
        DeletionCode, Family, FamilyError, Former, Member, OldKeyCheck, Picture, PrintedSheet,
        Stage,
    },
    fl,
    formats::otpauth::{Algorithm, Key, OtpAuth},
    qr::draw::{self, QrTooLong},
    secret::{SecretBytes, SecretString},
};

/// The top folder inside the archive.
pub const ROOT: &str = "kapukulcs-mentes";
/// The manifest's name inside [`ROOT`].
pub const MANIFEST: &str = "manifest.json";
/// The manifest's `format` value: tells our manifest from any other JSON.
pub const FORMAT: &str = "kapukulcs-bundle";
/// The newest manifest version this program reads and writes. Version 2
/// added the lost-phone state and the history of former keys; a bundle
/// without them is still written as version 1, so an older kapukulcs can
/// open it, while one with them is refused by an older kapukulcs instead of
/// being saved back without its history.
pub const VERSION: u32 = 2;
/// The most plaintext we accept, so a hostile file cannot exhaust memory.
pub const MAX_PLAINTEXT: u64 = 512 * 1024 * 1024;

/// Why a decrypted bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not a tar archive, or a damaged one.
    NotArchive,
    /// The archive has no manifest.
    NoManifest,
    /// The manifest is not valid JSON of our format.
    BadManifest(String),
    /// The manifest is from a newer kapukulcs.
    NewerVersion(u32),
    /// A file the manifest lists is missing.
    MissingFile(String),
    /// A file's contents differ from what the manifest recorded.
    FileMismatch(String),
    /// A person's note is longer than `family::MAX_NOTE_CHARS` (no
    /// kapukulcs writes one; a hand-made bundle could stall the sheet).
    NoteTooLong {
        /// Whose note.
        name: String,
        /// Its length in characters.
        length: usize,
    },
}

impl BundleError {
    /// The `err-…` line for the bundle `file` this error came from.
    pub fn message(&self, file: &str) -> String {
        match self {
            BundleError::NotArchive | BundleError::NoManifest | BundleError::BadManifest(_) => {
                fl!("err-bundle-contents", file = file)
            }
            BundleError::NewerVersion(version) => {
                fl!(
                    "err-bundle-newer",
                    file = file,
                    version = version.to_string()
                )
            }
            BundleError::MissingFile(inner) => {
                fl!(
                    "err-bundle-missing-file",
                    file = file,
                    inner = inner.as_str()
                )
            }
            BundleError::FileMismatch(inner) => {
                fl!(
                    "err-bundle-file-mismatch",
                    file = file,
                    inner = inner.as_str()
                )
            }
            BundleError::NoteTooLong { name, length } => fl!(
                "err-bundle-note-too-long",
                file = file,
                name = name.as_str(),
                length = length.to_string(),
                max = crate::family::MAX_NOTE_CHARS.to_string()
            ),
        }
    }

    /// The `rec-…` line: what to do about it.
    pub fn recovery(&self) -> String {
        match self {
            BundleError::NewerVersion(_) => fl!("rec-bundle-newer"),
            _ => fl!("rec-bundle-backup", surface = crate::i18n::surface()),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct FileRef {
    path: String,
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct PictureRef {
    path: String,
    sha256: String,
    /// The file name the user saved it under.
    name: String,
}

/// A key as the manifest writes it, a person's current one or a former
/// one: the account, the URI and the deletion code. Flattened into both,
/// so the JSON keeps its fields where they were; wiped when dropped.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
struct ManifestKey {
    issuer: Option<String>,
    account: String,
    key: String,
    algorithm: String,
    digits: u8,
    period: u32,
    uri: String,
    deletion_code: Option<String>,
}

impl ManifestKey {
    fn of(account: &OtpAuth, uri: &SecretString, deletion_code: Option<&DeletionCode>) -> Self {
        ManifestKey {
            issuer: account.issuer.clone(),
            account: account.account.clone(),
            key: account.key.text().expose().to_owned(),
            algorithm: account.algorithm.name().to_owned(),
            digits: account.digits,
            period: account.period,
            uri: uri.expose().to_owned(),
            deletion_code: deletion_code.map(|code| code.digits().expose().to_owned()),
        }
    }

    /// The account, its URI and its deletion code, taken out (what is
    /// left is wiped on drop); `bad` names a field that does not parse.
    fn take(
        &mut self,
        bad: impl Fn(&str) -> BundleError,
    ) -> Result<(OtpAuth, SecretString, Option<DeletionCode>), BundleError> {
        let key = Key::parse(&self.key).map_err(|_| bad("key"))?;
        let algorithm = algorithm_named(&self.algorithm).ok_or_else(|| bad("algorithm"))?;
        if !(6..=8).contains(&self.digits) || !(1..=3600).contains(&self.period) {
            return Err(bad("digits/period"));
        }
        let deletion_code = match &self.deletion_code {
            Some(code) => Some(DeletionCode::parse(code).map_err(|_| bad("deletion_code"))?),
            None => None,
        };
        let account = OtpAuth {
            issuer: self.issuer.take(),
            account: std::mem::take(&mut self.account),
            key,
            algorithm,
            digits: self.digits,
            period: self.period,
        };
        Ok((
            account,
            SecretString::new(std::mem::take(&mut self.uri)),
            deletion_code,
        ))
    }
}

#[derive(Serialize, Deserialize)]
struct ManifestMember {
    name: String,
    folder: String,
    username: Option<String>,
    #[serde(flatten)]
    key: ManifestKey,
    #[serde(with = "time::serde::rfc3339")]
    added: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    confirmed: Option<OffsetDateTime>,
    note: String,
    #[serde(default)]
    stage: Stage,
    card: FileRef,
    qr: FileRef,
    picture: Option<PictureRef>,
    /// Version 2: when the lost phone was reported, cancellation pending.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    lost: Option<OffsetDateTime>,
    /// Version 2: when this key was cancelled.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    cancelled: Option<OffsetDateTime>,
    /// Version 2: the keys the person had before, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<ManifestFormer>,
}

/// A former key in the manifest (version 2).
#[derive(Serialize, Deserialize)]
struct ManifestFormer {
    folder: String,
    #[serde(flatten)]
    key: ManifestKey,
    #[serde(with = "time::serde::rfc3339::option")]
    confirmed: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    cancelled: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    replaced: OffsetDateTime,
    card: FileRef,
    otpauth: FileRef,
    picture: Option<PictureRef>,
    /// Whether the portal still takes this key, after the person moved
    /// Ügyfélkapu+ to another device without cancelling it (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    old_key_check: Option<ManifestOldKeyCheck>,
}

/// What the person found when they tried a former key at the login.
#[derive(Serialize, Deserialize)]
struct ManifestOldKeyCheck {
    /// `pending`, `refused` or `still-works`.
    result: String,
    /// When they said so (absent while pending).
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    at: Option<OffsetDateTime>,
}

impl ManifestOldKeyCheck {
    fn of(check: OldKeyCheck) -> ManifestOldKeyCheck {
        let (result, at) = match check {
            OldKeyCheck::Pending => ("pending", None),
            OldKeyCheck::Refused(at) => ("refused", Some(at)),
            OldKeyCheck::StillWorks(at) => ("still-works", Some(at)),
        };
        ManifestOldKeyCheck {
            result: result.to_owned(),
            at,
        }
    }

    fn value(&self) -> Option<OldKeyCheck> {
        match (self.result.as_str(), self.at) {
            ("pending", _) => Some(OldKeyCheck::Pending),
            ("refused", Some(at)) => Some(OldKeyCheck::Refused(at)),
            ("still-works", Some(at)) => Some(OldKeyCheck::StillWorks(at)),
            _ => None,
        }
    }
}

/// The last recovery sheet written: when, and a fingerprint of what it
/// printed for each person (`Member::sheet_fingerprint`).
#[derive(Serialize, Deserialize)]
struct ManifestSheet {
    #[serde(with = "time::serde::rfc3339")]
    printed: OffsetDateTime,
    members: Vec<ManifestSheetMember>,
}

#[derive(Serialize, Deserialize)]
struct ManifestSheetMember {
    name: String,
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    program: String,
    #[serde(with = "time::serde::rfc3339")]
    saved: OffsetDateTime,
    /// Public keys the bundle is encrypted to (empty for a passphrase), so
    /// that a bundle opened with an identity is saved to the same keys.
    #[serde(default)]
    recipients: Vec<String>,
    /// SHA-256 of the age header this plaintext was encrypted under
    /// (`crypt::header_digest`). When the file's header is another, the
    /// file was re-encrypted by another program and `recipients` is no
    /// longer known to be its list. Absent in bundles written before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_header_sha256: Option<String>,
    members: Vec<ManifestMember>,
    /// The last recovery sheet written (optional; an older kapukulcs
    /// ignores it and drops it when it saves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sheet: Option<ManifestSheet>,
}

/// Just the version fields, read first so that a newer manifest gets its
/// own message rather than a parse error.
#[derive(Deserialize)]
struct VersionProbe {
    format: Option<String>,
    version: Option<u32>,
}

/// What a bundle holds besides the family.
pub struct Contents {
    /// The people.
    pub family: Family,
    /// The public keys it was encrypted to (empty for a passphrase), as
    /// the manifest says.
    pub recipients: Vec<String>,
    /// The age header the manifest was written for, if recorded.
    pub age_header_sha256: Option<String>,
    /// When it was saved.
    pub saved: OffsetDateTime,
    /// The last recovery sheet written, if recorded.
    pub printed: Option<PrintedSheet>,
}

fn sha256(bytes: &[u8]) -> String {
    HEXLOWER.encode(&Sha256::digest(bytes))
}

/// A folder name for a person: the position (so names never clash) and the
/// name in lower-case ASCII, e.g. `02-mama`, `04-nagymama-erzsebet`.
pub fn folder_name(index: usize, name: &str) -> String {
    let mut slug = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        let ascii = match ch {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' | 'ö' | 'ő' => 'o',
            'ú' | 'ü' | 'ű' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if ascii != '-' || !slug.ends_with('-') {
            slug.push(ascii);
        }
    }
    let slug = slug.trim_matches('-');
    let slug: String = slug.chars().take(40).collect();
    if slug.is_empty() {
        format!("{:02}", index + 1)
    } else {
        format!("{:02}-{slug}", index + 1)
    }
}

/// The extension of the saved picture, kept so that the file opens with a
/// double click (only plain letters and digits).
fn picture_extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .filter(|ext| {
            !ext.is_empty() && ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .unwrap_or_else(|| "img".to_owned())
}

/// A date for people: `2026. 11. 25.` in Hungarian, ISO in English.
pub fn human_date(moment: OffsetDateTime) -> String {
    fl!(
        "date-format",
        year = moment.year().to_string(),
        month = format!("{:02}", u8::from(moment.month())),
        day = format!("{:02}", moment.day())
    )
}

/// The plain-text card of one person: everything needed without kapukulcs.
pub fn card(member: &Member) -> SecretString {
    let none = fl!("card-none");
    let key = member.account.key.grouped();
    // Every line that holds a secret, and the card itself, is wiped.
    let code = Zeroizing::new(
        member
            .deletion_code
            .as_ref()
            .map_or_else(|| fl!("card-deletion-code-missing"), DeletionCode::grouped),
    );
    let mut lines = vec![
        fl!("card-title", name = member.name.as_str()),
        String::new(),
    ];
    if let Some(date) = member.cancelled {
        lines.push(fl!("card-cancelled", date = human_date(date)));
        lines.push(String::new());
    }
    lines.extend([
        fl!(
            "card-username",
            username = member.username.clone().unwrap_or_else(|| none.clone())
        ),
        fl!(
            "card-issuer",
            issuer = member
                .account
                .issuer
                .clone()
                .unwrap_or_else(|| none.clone())
        ),
        fl!("card-key", key = key.expose()),
        fl!("card-uri", uri = member.original_uri.expose()),
        fl!("card-deletion-code", code = code.as_str()),
        fl!("card-added", date = human_date(member.added)),
        fl!(
            "card-confirmed",
            date = member
                .confirmed
                .map_or_else(|| fl!("card-never"), human_date)
        ),
        fl!(
            "card-note",
            note = if member.note.is_empty() {
                none.clone()
            } else {
                member.note.clone()
            }
        ),
        String::new(),
        fl!("card-how"),
    ]);
    if !member.history.is_empty() {
        lines.push(fl!(
            "card-history",
            count = member.history.len().to_string()
        ));
    }
    wiped_lines(lines)
}

/// The plain-text card of a former key: what it was, when it stopped, and
/// that it no longer logs in.
pub fn former_card(member: &Member, former: &Former) -> SecretString {
    let none = fl!("card-none");
    let key = former.account.key.grouped();
    let state = match former.cancelled {
        Some(date) => fl!("card-former-cancelled", date = human_date(date)),
        None => fl!("card-former-replaced"),
    };
    let code = Zeroizing::new(
        former
            .deletion_code
            .as_ref()
            .map_or_else(|| fl!("card-deletion-code-missing"), DeletionCode::grouped),
    );
    let lines = vec![
        fl!(
            "card-former-title",
            name = member.name.as_str(),
            date = human_date(former.replaced)
        ),
        String::new(),
        state,
        String::new(),
        fl!(
            "card-issuer",
            issuer = former
                .account
                .issuer
                .clone()
                .unwrap_or_else(|| none.clone())
        ),
        fl!("card-key", key = key.expose()),
        fl!("card-uri", uri = former.original_uri.expose()),
        fl!("card-deletion-code", code = code.as_str()),
        fl!(
            "card-confirmed",
            date = former
                .confirmed
                .map_or_else(|| fl!("card-never"), human_date)
        ),
        fl!(
            "card-former-replaced-on",
            date = human_date(former.replaced)
        ),
    ];
    wiped_lines(lines)
}

/// The card's lines as one text, each line wiped once copied in.
fn wiped_lines(lines: Vec<String>) -> SecretString {
    let lines: Vec<Zeroizing<String>> = lines.into_iter().map(Zeroizing::new).collect();
    let mut text = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
    for line in &lines {
        text.push_str(line);
        text.push('\n');
    }
    SecretString::new(text)
}

/// The manifest version a family needs: 1 unless a lost-phone state or a
/// former key must be kept (see [`VERSION`]).
fn version_for(family: &Family) -> u32 {
    let needs_2 = family
        .members
        .iter()
        .any(|m| m.lost.is_some() || m.cancelled.is_some() || !m.history.is_empty());
    if needs_2 { 2 } else { 1 }
}

/// The algorithm's name as the manifest writes it, back to the value.
fn algorithm_named(name: &str) -> Option<Algorithm> {
    match name {
        "SHA1" => Some(Algorithm::Sha1),
        "SHA256" => Some(Algorithm::Sha256),
        "SHA512" => Some(Algorithm::Sha512),
        _ => None,
    }
}

struct TarWriter {
    builder: tar::Builder<Vec<u8>>,
    mtime: u64,
}

impl TarWriter {
    fn new(saved: OffsetDateTime) -> TarWriter {
        TarWriter {
            builder: tar::Builder::new(Vec::new()),
            mtime: saved.unix_timestamp().max(0) as u64,
        }
    }

    fn header(&self, kind: tar::EntryType, mode: u32, size: u64) -> tar::Header {
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_size(size);
        header.set_mtime(self.mtime);
        header
    }

    fn dir(&mut self, path: &str) {
        let mut header = self.header(tar::EntryType::Directory, 0o700, 0);
        self.builder
            .append_data(&mut header, format!("{ROOT}/{path}/"), std::io::empty())
            .expect("writing a tar into memory cannot fail");
    }

    /// Adds a file (0600: every file here is secret) and returns its reference.
    fn file(&mut self, path: &str, bytes: &[u8]) -> FileRef {
        let mut header = self.header(tar::EntryType::Regular, 0o600, bytes.len() as u64);
        self.builder
            .append_data(&mut header, format!("{ROOT}/{path}"), bytes)
            .expect("writing a tar into memory cannot fail");
        FileRef {
            path: path.to_owned(),
            sha256: sha256(bytes),
        }
    }

    /// Adds the picture as saved, as `eredeti-kep.EXT` in `folder`.
    fn picture(&mut self, folder: &str, picture: &Picture) -> PictureRef {
        let path = format!(
            "{folder}/eredeti-kep.{}",
            picture_extension(&picture.file_name)
        );
        let file = self.file(&path, picture.bytes.expose());
        PictureRef {
            path: file.path,
            sha256: file.sha256,
            name: picture.file_name.clone(),
        }
    }

    fn finish(self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(
            self.builder
                .into_inner()
                .expect("writing a tar into memory cannot fail"),
        )
    }
}

/// Writes the family as the bundle's tar plaintext.
pub fn to_tar(
    family: &Family,
    recipients: &[String],
    saved: OffsetDateTime,
) -> Result<Zeroizing<Vec<u8>>, QrTooLong> {
    to_tar_sealed(family, recipients, None, saved)
}

/// [`to_tar`] for a file whose age header is already made: its digest is
/// recorded beside the list of keys (see `Manifest::age_header_sha256`).
pub fn to_tar_sealed(
    family: &Family,
    recipients: &[String],
    age_header: Option<&str>,
    saved: OffsetDateTime,
) -> Result<Zeroizing<Vec<u8>>, QrTooLong> {
    to_tar_with_sheet(family, recipients, age_header, None, saved)
}

/// [`to_tar_sealed`] with the record of the last printed sheet.
pub fn to_tar_with_sheet(
    family: &Family,
    recipients: &[String],
    age_header: Option<&str>,
    printed: Option<&PrintedSheet>,
    saved: OffsetDateTime,
) -> Result<Zeroizing<Vec<u8>>, QrTooLong> {
    let mut tar = TarWriter::new(saved);
    tar.dir("");
    let readme = format!(
        "{}\n\n{}\n",
        fl!("bundle-readme", root = ROOT).trim_end(),
        fl!("bundle-readme-history")
    );
    tar.file("OLVASSEL.txt", readme.as_bytes());

    let mut members = Vec::with_capacity(family.members.len());
    let mut all_uris = String::new();
    for (index, member) in family.members.iter().enumerate() {
        let folder = folder_name(index, &member.name);
        tar.dir(&folder);
        let card_ref = tar.file(
            &format!("{folder}/kartya.txt"),
            card(member).expose().as_bytes(),
        );
        let qr = draw::png(&member.original_uri, 8)
            .map_err(|too_long| too_long.named(member.name.as_str()))?;
        let qr_ref = tar.file(&format!("{folder}/qr.png"), qr.expose());
        let picture = member
            .picture
            .as_ref()
            .map(|picture| tar.picture(&folder, picture));
        let mut history = Vec::with_capacity(member.history.len());
        if !member.history.is_empty() {
            tar.dir(&format!("{folder}/korabbi"));
        }
        for (number, former) in member.history.iter().enumerate() {
            let replaced = former.replaced.date();
            let inner = format!(
                "{folder}/korabbi/{:02}-{:04}-{:02}-{:02}",
                number + 1,
                replaced.year(),
                u8::from(replaced.month()),
                replaced.day()
            );
            tar.dir(&inner);
            let card = tar.file(
                &format!("{inner}/kartya.txt"),
                former_card(member, former).expose().as_bytes(),
            );
            let uri_line = Zeroizing::new(format!("{}\n", former.original_uri.expose()));
            let otpauth = tar.file(&format!("{inner}/otpauth.txt"), uri_line.as_bytes());
            let picture = former
                .picture
                .as_ref()
                .map(|picture| tar.picture(&inner, picture));
            history.push(ManifestFormer {
                folder: inner,
                key: ManifestKey::of(
                    &former.account,
                    &former.original_uri,
                    former.deletion_code.as_ref(),
                ),
                confirmed: former.confirmed,
                cancelled: former.cancelled,
                replaced: former.replaced,
                card,
                otpauth,
                picture,
                old_key_check: former.old_key_check.map(ManifestOldKeyCheck::of),
            });
        }
        all_uris.push_str(member.original_uri.expose());
        all_uris.push('\n');
        members.push(ManifestMember {
            name: member.name.clone(),
            folder,
            username: member.username.clone(),
            key: ManifestKey::of(
                &member.account,
                &member.original_uri,
                member.deletion_code.as_ref(),
            ),
            added: member.added,
            confirmed: member.confirmed,
            note: member.note.clone(),
            stage: member.stage,
            card: card_ref,
            qr: qr_ref,
            picture,
            lost: member.lost,
            cancelled: member.cancelled,
            history,
        });
    }
    let all_uris = Zeroizing::new(all_uris);
    tar.file("otpauth-cimek.txt", all_uris.as_bytes());

    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: version_for(family),
        program: format!("kapukulcs {}", env!("CARGO_PKG_VERSION")),
        saved,
        recipients: recipients.to_vec(),
        age_header_sha256: age_header.map(str::to_owned),
        members,
        sheet: printed.map(|printed| ManifestSheet {
            printed: printed.at,
            members: printed
                .members
                .iter()
                .map(|(name, sha256)| ManifestSheetMember {
                    name: name.clone(),
                    sha256: sha256.clone(),
                })
                .collect(),
        }),
    };
    let json = Zeroizing::new(
        serde_json::to_vec_pretty(&manifest).expect("the manifest always serialises"),
    );
    // The copies of every key the manifest kept are wiped as it drops.
    drop(manifest);
    tar.file(MANIFEST, &json);
    Ok(tar.finish())
}

/// Reads every regular file of the archive into memory, keyed by its path
/// below [`ROOT`].
fn read_entries(bytes: &[u8]) -> Result<BTreeMap<String, Zeroizing<Vec<u8>>>, BundleError> {
    let mut archive = tar::Archive::new(Cursor::new(bytes));
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for entry in archive.entries().map_err(|_| BundleError::NotArchive)? {
        let mut entry = entry.map_err(|_| BundleError::NotArchive)?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            continue;
        }
        let path = entry
            .path()
            .map_err(|_| BundleError::NotArchive)?
            .to_string_lossy()
            .into_owned();
        let Some(path) = path.strip_prefix(&format!("{ROOT}/")).map(str::to_owned) else {
            continue;
        };
        total += entry.size();
        if total > MAX_PLAINTEXT {
            return Err(BundleError::NotArchive);
        }
        let mut data = Zeroizing::new(Vec::with_capacity(entry.size() as usize));
        entry
            .read_to_end(&mut data)
            .map_err(|_| BundleError::NotArchive)?;
        files.insert(path, data);
    }
    Ok(files)
}

fn checked<'a>(
    files: &'a BTreeMap<String, Zeroizing<Vec<u8>>>,
    path: &str,
    sha: &str,
) -> Result<&'a [u8], BundleError> {
    let data = files
        .get(path)
        .ok_or_else(|| BundleError::MissingFile(path.to_owned()))?;
    if sha256(data) != sha {
        return Err(BundleError::FileMismatch(path.to_owned()));
    }
    Ok(data)
}

/// Reads the family back from the bundle's tar plaintext, checking every
/// file against the manifest.
pub fn from_tar(bytes: &[u8]) -> Result<Contents, BundleError> {
    let files = read_entries(bytes)?;
    let json = files.get(MANIFEST).ok_or(BundleError::NoManifest)?;
    let probe: VersionProbe =
        serde_json::from_slice(json).map_err(|e| BundleError::BadManifest(e.to_string()))?;
    if probe.format.as_deref() != Some(FORMAT) {
        return Err(BundleError::BadManifest(format!(
            "format: {:?}",
            probe.format
        )));
    }
    match probe.version {
        Some(version) if version > VERSION => return Err(BundleError::NewerVersion(version)),
        Some(_) => {}
        None => return Err(BundleError::BadManifest("version".into())),
    }
    let manifest: Manifest =
        serde_json::from_slice(json).map_err(|e| BundleError::BadManifest(e.to_string()))?;

    let mut family = Family::default();
    for mut entry in manifest.members {
        checked(&files, &entry.card.path, &entry.card.sha256)?;
        checked(&files, &entry.qr.path, &entry.qr.sha256)?;
        let picture = match &entry.picture {
            Some(picture) => Some(Picture {
                file_name: picture.name.clone(),
                bytes: SecretBytes::new(checked(&files, &picture.path, &picture.sha256)?.to_vec()),
            }),
            None => None,
        };
        let bad = |what: &str| BundleError::BadManifest(format!("{}: {what}", entry.name));
        let (account, original_uri, deletion_code) = entry.key.take(bad)?;
        let mut history = Vec::with_capacity(entry.history.len());
        for mut former in entry.history {
            checked(&files, &former.card.path, &former.card.sha256)?;
            checked(&files, &former.otpauth.path, &former.otpauth.sha256)?;
            let picture = match &former.picture {
                Some(picture) => Some(Picture {
                    file_name: picture.name.clone(),
                    bytes: SecretBytes::new(
                        checked(&files, &picture.path, &picture.sha256)?.to_vec(),
                    ),
                }),
                None => None,
            };
            let (account, original_uri, deletion_code) =
                former.key.take(|what| bad(&format!("history {what}")))?;
            history.push(Former {
                account,
                original_uri,
                picture,
                deletion_code,
                confirmed: former.confirmed,
                cancelled: former.cancelled,
                old_key_check: former
                    .old_key_check
                    .as_ref()
                    .and_then(ManifestOldKeyCheck::value),
                replaced: former.replaced,
            });
        }
        let member = Member {
            name: entry.name.clone(),
            username: entry.username,
            account,
            original_uri,
            picture,
            deletion_code,
            added: entry.added,
            confirmed: entry.confirmed,
            note: entry.note,
            stage: entry.stage,
            lost: entry.lost,
            cancelled: entry.cancelled,
            history,
        };
        family.add(member).map_err(|error| match error {
            FamilyError::NoteTooLong { name, length } => BundleError::NoteTooLong { name, length },
            _ => bad("name"),
        })?;
    }
    Ok(Contents {
        family,
        recipients: manifest.recipients,
        age_header_sha256: manifest.age_header_sha256,
        saved: manifest.saved,
        printed: manifest.sheet.map(|sheet| PrintedSheet {
            at: sheet.printed,
            members: sheet
                .members
                .into_iter()
                .map(|m| (m.name, m.sha256))
                .collect(),
        }),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    /// A family of three like the guide's: Én, Mama, Papa.
    pub(crate) fn demo_family() -> Family {
        let mut family = Family::default();
        for (index, (name, username)) in [
            ("Én", "kovacs.peter"),
            ("Mama", "kovacs.maria"),
            ("Papa", "kovacs.janos"),
        ]
        .into_iter()
        .enumerate()
        {
            let key = Key::from_bytes((0..20).map(|b| b * 7 + index as u8).collect());
            let account = OtpAuth::new(Some("Ügyfélkapu+".into()), username.into(), key);
            let mut member = Member::new(name.into(), account, datetime!(2026-01-10 09:30 UTC));
            member.username = Some(username.into());
            if index != 2 {
                member.deletion_code =
                    Some(DeletionCode::parse(&format!("9139072{index}")).unwrap());
                member.confirmed = Some(datetime!(2026-01-10 09:35 UTC));
            }
            if index == 2 {
                member.stage = Stage::PhoneConfirmed;
            }
            if index == 1 {
                member.picture = Some(Picture {
                    file_name: "Képernyőkép 2026-01-10 093000.PNG".into(),
                    bytes: SecretBytes::new(b"\x89PNG pretend".to_vec()),
                });
                member.note = "A NISZ Hitelesítőben: Mama".into();
            }
            family.add(member).unwrap();
        }
        family
    }

    fn entries(tar: &[u8]) -> Vec<(String, u32)> {
        let mut archive = tar::Archive::new(tar);
        archive
            .entries()
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.path().unwrap().to_string_lossy().into_owned(),
                    e.header().mode().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn a_hand_made_note_over_the_limit_is_refused_at_the_door() {
        let mut family = demo_family();
        // No kapukulcs writes it (`Family::add` refuses it): put in by hand.
        family.members[1].note = "ő".repeat(crate::family::MAX_NOTE_CHARS + 1);
        let tar = to_tar(&family, &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        assert!(matches!(
            from_tar(&tar),
            Err(BundleError::NoteTooLong { name, length })
                if name == family.members[1].name && length == crate::family::MAX_NOTE_CHARS + 1
        ));
        family.members[1].note = "ő".repeat(crate::family::MAX_NOTE_CHARS);
        let tar = to_tar(&family, &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        assert!(from_tar(&tar).is_ok(), "the limit itself is allowed");
    }

    #[test]
    fn round_trip_keeps_everything() {
        let family = demo_family();
        let saved = datetime!(2026-11-25 14:00 UTC);
        let tar = to_tar(&family, &["age1example".into()], saved).unwrap();
        let back = from_tar(&tar).unwrap();
        assert_eq!(back.recipients, vec!["age1example".to_owned()]);
        assert_eq!(back.saved, saved);
        assert_eq!(back.family.members.len(), 3);
        for (a, b) in family.members.iter().zip(&back.family.members) {
            assert_eq!(a.name, b.name);
            assert_eq!(a.username, b.username);
            assert!(a.account == b.account);
            assert!(a.original_uri == b.original_uri);
            assert!(a.deletion_code == b.deletion_code);
            assert_eq!(a.added, b.added);
            assert_eq!(a.confirmed, b.confirmed);
            assert_eq!(a.note, b.note);
            assert_eq!(a.stage, b.stage);
            assert_eq!(
                a.picture.as_ref().map(|p| (&p.file_name, p.bytes.expose())),
                b.picture.as_ref().map(|p| (&p.file_name, p.bytes.expose()))
            );
        }
    }

    #[test]
    fn archive_lists_the_documented_files_all_private() {
        let tar = to_tar(&demo_family(), &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        let entries = entries(&tar);
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        for expected in [
            "kapukulcs-mentes/OLVASSEL.txt",
            "kapukulcs-mentes/manifest.json",
            "kapukulcs-mentes/otpauth-cimek.txt",
            "kapukulcs-mentes/01-en/kartya.txt",
            "kapukulcs-mentes/01-en/qr.png",
            "kapukulcs-mentes/02-mama/kartya.txt",
            "kapukulcs-mentes/02-mama/qr.png",
            "kapukulcs-mentes/02-mama/eredeti-kep.png",
            "kapukulcs-mentes/03-papa/kartya.txt",
            "kapukulcs-mentes/03-papa/qr.png",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        for (name, mode) in &entries {
            let want = if name.ends_with('/') { 0o700 } else { 0o600 };
            assert_eq!(*mode, want, "{name}");
        }
    }

    #[test]
    fn card_holds_what_a_person_needs() {
        let family = demo_family();
        let card = card(&family.members[1]);
        let text = card.expose();
        for needle in [
            "Mama",
            "kovacs.maria",
            "Ügyfélkapu+",
            "9139 0721",
            "otpauth://totp/",
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
        assert!(text.contains(family.members[1].account.key.grouped().expose()));
    }

    /// The demo family after a lost phone: Én cancelled, Mama registered
    /// again (her first key cancelled, in the history), Papa still to cancel.
    pub(crate) fn family_after_a_lost_phone() -> Family {
        let mut family = demo_family();
        let lost = datetime!(2026-12-01 09:00 UTC);
        let cancelled = datetime!(2026-12-01 09:20 UTC);
        family.members[0].cancelled = Some(cancelled);
        let mama = &mut family.members[1];
        mama.cancelled = Some(cancelled);
        let new = OtpAuth::new(
            Some("Ügyfélkapu+".into()),
            "kovacs.maria".into(),
            Key::parse("MFRGGZDFMZTWQ2LKNNWG").unwrap(),
        );
        mama.replace_key(
            new.to_uri(),
            new,
            Some(Picture {
                file_name: "uj.png".into(),
                bytes: SecretBytes::new(b"\x89PNG new".to_vec()),
            }),
            datetime!(2026-12-01 09:40 UTC),
        );
        mama.deletion_code = Some(DeletionCode::parse("55512345").unwrap());
        mama.confirmed = Some(datetime!(2026-12-01 09:45 UTC));
        mama.stage = Stage::Done;
        family.members[2].lost = Some(lost);
        family
    }

    #[test]
    fn the_lost_phone_state_and_former_keys_round_trip_as_version_2() {
        let family = family_after_a_lost_phone();
        let saved = datetime!(2026-12-01 10:00 UTC);
        let tar = to_tar(&family, &[], saved).unwrap();
        let back = from_tar(&tar).unwrap().family;
        for (a, b) in family.members.iter().zip(&back.members) {
            assert_eq!(a.cancelled, b.cancelled, "{}", a.name);
            assert_eq!(a.lost, b.lost, "{}", a.name);
            assert_eq!(a.history.len(), b.history.len(), "{}", a.name);
            for (x, y) in a.history.iter().zip(&b.history) {
                assert!(x.account == y.account);
                assert!(x.original_uri == y.original_uri);
                assert!(x.deletion_code == y.deletion_code);
                assert_eq!(x.confirmed, y.confirmed);
                assert_eq!(x.cancelled, y.cancelled);
                assert_eq!(x.replaced, y.replaced);
                assert_eq!(
                    x.picture.as_ref().map(|p| (&p.file_name, p.bytes.expose())),
                    y.picture.as_ref().map(|p| (&p.file_name, p.bytes.expose()))
                );
            }
        }
        let old = &back.members[1].history[0];
        assert_eq!(old.deletion_code.as_ref().unwrap().grouped(), "9139 0721");

        // The former key is a card and a URI a person reads without kapukulcs.
        let files = read_entries(&tar).unwrap();
        let folder = "02-mama/korabbi/01-2026-12-01";
        let card = String::from_utf8(files[&format!("{folder}/kartya.txt")].to_vec()).unwrap();
        assert!(card.contains(old.account.key.grouped().expose()), "{card}");
        assert!(card.contains("9139 0721"), "{card}");
        assert!(
            card.contains(&fl!("card-former-cancelled", date = "2026. 12. 01.")),
            "{card}"
        );
        assert_eq!(
            files[&format!("{folder}/otpauth.txt")].as_slice(),
            format!("{}\n", old.original_uri.expose()).as_bytes()
        );
        assert_eq!(
            files[&format!("{folder}/eredeti-kep.png")].as_slice(),
            b"\x89PNG pretend"
        );
        let en = String::from_utf8(files["01-en/kartya.txt"].to_vec()).unwrap();
        assert!(
            en.contains(&fl!("card-cancelled", date = "2026. 12. 01.")),
            "{en}"
        );
        let manifest = String::from_utf8(files[MANIFEST].to_vec()).unwrap();
        assert!(manifest.contains("\"version\": 2"), "{manifest}");
        assert!(manifest.contains("\"history\""), "{manifest}");

        // A file of a former key is checked like any other.
        let changed = rewrite(&tar, |path, mut data| {
            if path.ends_with("korabbi/01-2026-12-01/otpauth.txt") {
                data.push(b' ');
            }
            Some(data)
        });
        assert_eq!(
            from_tar(&changed).err(),
            Some(BundleError::FileMismatch(format!("{folder}/otpauth.txt")))
        );
    }

    #[test]
    fn a_family_without_a_lost_phone_is_still_written_as_version_1() {
        let tar = to_tar(&demo_family(), &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        let files = read_entries(&tar).unwrap();
        let manifest = String::from_utf8(files[MANIFEST].to_vec()).unwrap();
        assert!(manifest.contains("\"version\": 1"), "{manifest}");
        for field in ["history", "cancelled", "\"lost\""] {
            assert!(!manifest.contains(field), "{field} in {manifest}");
        }
    }

    #[test]
    fn folder_names_are_plain_ascii() {
        assert_eq!(folder_name(0, "Én"), "01-en");
        assert_eq!(folder_name(3, "Nagymama Erzsébet"), "04-nagymama-erzsebet");
        assert_eq!(folder_name(4, "Ős-Ükapa!!"), "05-os-ukapa");
        assert_eq!(folder_name(5, "☺"), "06");
    }

    fn rewrite(tar: &[u8], edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
        let mut archive = tar::Archive::new(tar);
        let mut builder = tar::Builder::new(Vec::new());
        for entry in archive.entries().unwrap() {
            let mut entry = entry.unwrap();
            let path = entry.path().unwrap().to_string_lossy().into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            if let Some(data) = edit(&path, data) {
                let mut header = entry.header().clone();
                header.set_size(data.len() as u64);
                builder
                    .append_data(&mut header, &path, data.as_slice())
                    .unwrap();
            }
        }
        builder.into_inner().unwrap()
    }

    #[test]
    fn manifest_and_files_must_agree() {
        let tar = to_tar(&demo_family(), &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        let missing = rewrite(&tar, |path, data| {
            (!path.ends_with("02-mama/qr.png")).then_some(data)
        });
        assert_eq!(
            from_tar(&missing).err(),
            Some(BundleError::MissingFile("02-mama/qr.png".into()))
        );

        let changed = rewrite(&tar, |path, mut data| {
            if path.ends_with("01-en/kartya.txt") {
                data.extend_from_slice(b"!");
            }
            Some(data)
        });
        assert_eq!(
            from_tar(&changed).err(),
            Some(BundleError::FileMismatch("01-en/kartya.txt".into()))
        );

        let no_manifest = rewrite(&tar, |path, data| {
            (!path.ends_with(MANIFEST)).then_some(data)
        });
        assert_eq!(from_tar(&no_manifest).err(), Some(BundleError::NoManifest));
    }

    #[test]
    fn newer_versions_are_refused_by_name() {
        let tar = to_tar(&demo_family(), &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
        let newer = rewrite(&tar, |path, data| {
            if path.ends_with(MANIFEST) {
                let text = String::from_utf8(data).unwrap();
                Some(
                    text.replacen("\"version\": 1", "\"version\": 7", 1)
                        .into_bytes(),
                )
            } else {
                Some(data)
            }
        });
        assert_eq!(from_tar(&newer).err(), Some(BundleError::NewerVersion(7)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = from_tar(&bytes);
        }

        #[test]
        fn reader_never_panics_on_a_damaged_bundle(position in 0usize..20_000, value in any::<u8>(), cut in 0usize..20_000) {
            let tar = to_tar(&demo_family(), &[], datetime!(2026-11-25 14:00 UTC)).unwrap();
            let mut bytes = tar.to_vec();
            let position = position % bytes.len();
            bytes[position] = value;
            bytes.truncate(bytes.len() - cut % bytes.len());
            let _ = from_tar(&bytes);
        }
    }
}
