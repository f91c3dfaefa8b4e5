//! Opening and saving the family bundle on disk: find the key material
//! (a passphrase typed or read from a file, or age identities and
//! recipients), decrypt, check, and later encrypt and write atomically.
//! A bundle that cannot be opened is never written to. An open bundle can
//! be given a new passphrase or a new list of age keys before it is saved.
//!
//! Inside: [`bundle`] lays the family out as the tar plaintext (pure),
//! [`crypt`] encrypts it with age (pure); this file adds the key material,
//! the prompts and the disk.

pub mod bundle;
pub mod crypt;
pub mod header;

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use time::OffsetDateTime;

use crate::{
    family::{Family, PrintedSheet},
    fl,
    i18n::Explain,
    prompter::{PromptError, Prompter},
    qr::draw::QrTooLong,
    secret::SecretString,
    store::{self, Expect, Fingerprint, StoreError},
    vault::{
        bundle::BundleError,
        crypt::{CryptError, Lock, Unlock, looks_like_age},
    },
};

/// Why the bundle could not be opened or saved.
#[derive(Debug)]
pub enum VaultError {
    /// There is no bundle at this path yet.
    NoBundle(PathBuf),
    /// The file at this path is not an age file.
    NotABundle(PathBuf),
    /// Encryption or decryption failed.
    Crypt {
        /// The bundle.
        path: PathBuf,
        /// What went wrong.
        error: CryptError,
    },
    /// The decrypted bundle is not readable.
    Bundle {
        /// The bundle.
        path: PathBuf,
        /// What went wrong.
        error: BundleError,
    },
    /// A person's QR picture could not be drawn for the bundle.
    Qr(QrTooLong),
    /// The passphrase file could not be read.
    PassphraseFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// The passphrase is empty.
    EmptyPassphrase,
    /// An identity file could not be read.
    IdentityFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Reading or writing the bundle file failed.
    Store(StoreError),
    /// A question about the passphrase could not be asked.
    Prompt(PromptError),
    /// `--recipient` given for a bundle locked with a passphrase.
    RecipientForPassphrase(PathBuf),
    /// `--recipient` names a key the existing bundle is not locked to.
    NewRecipient(String),
    /// A key to take away is not one the bundle is locked to.
    NotARecipient(String),
    /// Taking these keys away would leave nothing that opens the bundle.
    NoRecipientsLeft(PathBuf),
}

impl From<StoreError> for VaultError {
    fn from(error: StoreError) -> Self {
        VaultError::Store(error)
    }
}

impl From<PromptError> for VaultError {
    fn from(error: PromptError) -> Self {
        VaultError::Prompt(error)
    }
}

impl Explain for VaultError {
    fn message(&self) -> String {
        match self {
            VaultError::NoBundle(path) => fl!("err-no-bundle", file = path.display().to_string()),
            VaultError::NotABundle(path) => {
                fl!("err-not-a-bundle", file = path.display().to_string())
            }
            VaultError::Crypt { path, error } => error.message(&path.display().to_string()),
            VaultError::Bundle { path, error } => error.message(&path.display().to_string()),
            VaultError::Qr(error) => error.message(),
            VaultError::PassphraseFile { path, error } => fl!(
                "err-passphrase-file",
                file = path.display().to_string(),
                detail = crate::i18n::io_detail(error)
            ),
            VaultError::EmptyPassphrase => fl!("err-empty-passphrase"),
            VaultError::IdentityFile { path, error } => fl!(
                "err-identity-file",
                file = path.display().to_string(),
                detail = crate::i18n::io_detail(error)
            ),
            VaultError::Store(error) => error.message(),
            VaultError::Prompt(error) => error.message(),
            VaultError::RecipientForPassphrase(path) => fl!(
                "err-recipient-for-passphrase",
                file = path.display().to_string()
            ),
            VaultError::NewRecipient(value) => {
                fl!("err-recipient-new", value = value.as_str())
            }
            VaultError::NotARecipient(value) => {
                fl!("err-not-a-recipient", value = value.as_str())
            }
            VaultError::NoRecipientsLeft(path) => {
                fl!("err-no-recipients-left", file = path.display().to_string())
            }
        }
    }

    fn recovery(&self) -> Option<String> {
        Some(match self {
            VaultError::NoBundle(_) => fl!("rec-no-bundle"),
            VaultError::NotABundle(_) => fl!("rec-not-a-bundle"),
            VaultError::Crypt { error, .. } => return error.recovery(),
            VaultError::Bundle { error, .. } => error.recovery(),
            VaultError::Qr(error) => return error.recovery(),
            VaultError::Store(error) => return error.recovery(),
            VaultError::Prompt(error) => return error.recovery(),
            VaultError::RecipientForPassphrase(_) => fl!("rec-recipient-for-passphrase"),
            VaultError::NewRecipient(value) => {
                fl!("rec-recipient-new", value = value.as_str())
            }
            VaultError::NotARecipient(_) => fl!("rec-not-a-recipient"),
            VaultError::NoRecipientsLeft(_) => fl!("rec-no-recipients-left"),
            VaultError::PassphraseFile { .. }
            | VaultError::EmptyPassphrase
            | VaultError::IdentityFile { .. } => return None,
        })
    }
}

crate::explained!(VaultError);

/// The bundle's file name in the data folder.
pub const DEFAULT_FILE_NAME: &str = crate::platform::BUNDLE_FILE_NAME;

/// How many times a mistyped passphrase may be typed again.
const PASSPHRASE_TRIES: usize = 3;

/// Where the bundle lives unless `--bundle` says otherwise (see
/// [`crate::platform::default_bundle_path`]).
pub fn default_path() -> PathBuf {
    crate::platform::default_bundle_path()
}

/// Key material given on the command line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Keys {
    /// `--passphrase-file`: the first line is the passphrase.
    pub passphrase_file: Option<PathBuf>,
    /// `--recipient age1…`: encrypt to these public keys.
    pub recipients: Vec<String>,
    /// `--identity FILE`: decrypt with these age identity files.
    pub identities: Vec<PathBuf>,
    /// scrypt work factor for passphrase bundles written; `None` is the
    /// portable [`crypt::WORK_FACTOR`]. Only tests pass a lower one.
    pub work_factor: Option<u8>,
}

/// What a command will do with the bundle it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Only read it: works while another run writes.
    Read,
    /// Change it: one writer at a time, from opening to the end of the run.
    Write,
    /// Change it, and start a new one when there is none yet.
    Create,
}

/// An open bundle: the family, and how to lock it again.
pub struct Vault {
    /// The bundle file.
    pub path: PathBuf,
    /// The people in it.
    pub family: Family,
    /// The last recovery sheet written from it, and what it printed: a
    /// change since makes the paper out of date (`PrintedSheet::out_of_date`).
    pub printed: Option<PrintedSheet>,
    lock: Lock,
    recipients: Vec<String>,
    /// Public keys of the identity files given: the keys at hand.
    at_hand: Vec<String>,
    /// Keys the manifest lists that the file is no longer known to be
    /// locked to (it was re-encrypted by another program); not saved to.
    unconfirmed: Vec<String>,
    /// The right to write, held until the vault is dropped.
    writer: Option<store::WriterLock>,
    /// The file as it was read (or `Nothing` for a new bundle): a save
    /// refuses to replace anything else.
    on_disk: Expect,
    /// Whether the person was told that saves go through a link.
    told_link: bool,
}

fn read_passphrase_file(path: &Path) -> Result<SecretString, VaultError> {
    let text = SecretString::new(fs::read_to_string(path).map_err(|error| {
        VaultError::PassphraseFile {
            path: path.to_path_buf(),
            error,
        }
    })?);
    let line = text.expose().lines().next().unwrap_or_default();
    if line.is_empty() {
        return Err(VaultError::EmptyPassphrase);
    }
    Ok(SecretString::new(line.to_owned()))
}

/// A strong passphrase to suggest: five groups of four characters from an
/// alphabet without look-alikes (no 0/o, 1/l/i), about 97 bits.
pub fn suggest_passphrase(rng: &mut impl rand::Rng) -> SecretString {
    use rand::RngExt;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut text = String::with_capacity(24);
    for group in 0..5 {
        if group > 0 {
            text.push('-');
        }
        for _ in 0..4 {
            text.push(ALPHABET[rng.random_range(0..ALPHABET.len())] as char);
        }
    }
    SecretString::new(text)
}

/// True when zxcvbn thinks the passphrase falls to an offline attack
/// (score under 3: fewer than 10^10 guesses).
pub fn is_weak(passphrase: &SecretString) -> bool {
    (zxcvbn::zxcvbn(
        passphrase.expose(),
        &["kapukulcs", "ugyfelkapu", "mama", "papa"],
    )
    .score() as u8)
        < 3
}

/// Asks for a new passphrase twice; warns about a weak one and suggests a
/// strong one instead. `kind` is `first` for a new bundle, `change` for a
/// bundle that has one (the prompts then say "new").
fn new_passphrase(prompter: &mut impl Prompter, kind: &str) -> Result<SecretString, VaultError> {
    loop {
        let first = prompter.secret(&fl!("prompt-new-passphrase", kind = kind))?;
        if first.expose().is_empty() {
            prompter.say(&fl!("err-empty-passphrase"));
            continue;
        }
        if is_weak(&first) {
            let suggestion = suggest_passphrase(&mut rand::rng());
            prompter.say(&fl!(
                "warn-weak-passphrase",
                suggestion = suggestion.expose()
            ));
            if !prompter.confirm(&fl!("prompt-keep-weak-passphrase"), false)? {
                continue;
            }
        }
        let second = prompter.secret(&fl!("prompt-repeat-passphrase", kind = kind))?;
        if first == second {
            return Ok(first);
        }
        prompter.say(&fl!("err-passphrase-mismatch"));
    }
}

impl Vault {
    /// Opens the bundle at `path`. When it does not exist and `access` is
    /// [`Access::Create`], starts a new, empty one (asking for a new
    /// passphrase, or using `--recipient`s); otherwise that is an error.
    /// Writers take the lock first, before any question, so a second one is
    /// told at once and changes nothing.
    pub fn open(
        path: &Path,
        keys: &Keys,
        prompter: &mut impl Prompter,
        access: Access,
    ) -> Result<Vault, VaultError> {
        let crypt_error = |error| VaultError::Crypt {
            path: path.to_path_buf(),
            error,
        };
        // A bundle that is not there (a mistyped `--bundle`) is said before
        // anything is made for it: no folder, no lock file.
        if access == Access::Write && !store::real_path(path).is_ok_and(|real| real.exists()) {
            return Err(VaultError::NoBundle(path.to_path_buf()));
        }
        let writer = match access {
            Access::Read => None,
            Access::Write | Access::Create => Some(store::WriterLock::acquire(path)?),
        };
        let Some(sealed) = store::read(path)? else {
            if access != Access::Create {
                return Err(VaultError::NoBundle(path.to_path_buf()));
            }
            let lock = if keys.recipients.is_empty() {
                let passphrase = match &keys.passphrase_file {
                    Some(file) => read_passphrase_file(file)?,
                    None => {
                        // The first thing a new user sees: what this is,
                        // where it goes, and that a passphrase cannot be
                        // recovered.
                        prompter.say(&fl!("welcome", file = path.display().to_string()));
                        new_passphrase(prompter, "first")?
                    }
                };
                Lock::Passphrase {
                    passphrase,
                    work_factor: keys.work_factor,
                }
            } else {
                Lock::Recipients(crypt::parse_recipients(&keys.recipients).map_err(crypt_error)?)
            };
            return Ok(Vault {
                path: path.to_path_buf(),
                family: Family::default(),
                printed: None,
                lock,
                recipients: keys.recipients.clone(),
                at_hand: Vec::new(),
                unconfirmed: Vec::new(),
                writer,
                on_disk: Expect::Nothing,
                told_link: false,
            });
        };
        let on_disk = Expect::Same(Fingerprint::of(&sealed));
        if !looks_like_age(&sealed) {
            return Err(VaultError::NotABundle(path.to_path_buf()));
        }
        // The public key of each identity given, and of the one that
        // opened the file.
        let mut publics: Vec<Option<String>> = Vec::new();
        let mut opener: Option<String> = None;
        let (plaintext, lock, mut recipients) =
            if crypt::needs_passphrase(&sealed).map_err(crypt_error)? {
                if !keys.recipients.is_empty() {
                    return Err(VaultError::RecipientForPassphrase(path.to_path_buf()));
                }
                let (plaintext, passphrase) =
                    Self::unlock_with_passphrase(&sealed, path, keys, prompter)?;
                let lock = Lock::Passphrase {
                    passphrase,
                    work_factor: keys.work_factor,
                };
                (plaintext, lock, Vec::new())
            } else {
                if keys.identities.is_empty() {
                    return Err(crypt_error(CryptError::NeedsIdentity));
                }
                let mut identities = Vec::new();
                for file in &keys.identities {
                    let contents = fs::read(file).map_err(|error| VaultError::IdentityFile {
                        path: file.clone(),
                        error,
                    })?;
                    let name = file.display().to_string();
                    let read = crypt::read_identity_keys(&contents, &name).map_err(crypt_error)?;
                    for (identity, public) in read {
                        identities.push(identity);
                        publics.push(public);
                    }
                }
                let unlock = Unlock::Identities(identities);
                let (plaintext, index) = prompter
                    .busy(&fl!("info-opening"), || {
                        crypt::decrypt_opened_by(&sealed, &unlock)
                    })
                    .map_err(crypt_error)?;
                opener = index.and_then(|index| publics[index].clone());
                (plaintext, Lock::Recipients(Vec::new()), Vec::new())
            };
        let contents = bundle::from_tar(&plaintext).map_err(|error| VaultError::Bundle {
            path: path.to_path_buf(),
            error,
        })?;
        let at_hand: Vec<String> = publics.into_iter().flatten().collect();
        let mut unconfirmed = Vec::new();
        if let Lock::Recipients(_) = lock {
            let trusted = trusted_recipients(&sealed, &contents, opener.as_deref(), &at_hand);
            recipients = trusted.recipients;
            unconfirmed = trusted.unconfirmed;
            if !unconfirmed.is_empty() {
                // The key that opened the file wins over the list inside
                // it, and the person hears which keys lose access.
                prompter.say(&fl!(
                    "warn-bundle-resealed",
                    file = path.display().to_string(),
                    opener = recipients.join(", "),
                    count = unconfirmed.len().to_string(),
                    keys = unconfirmed.join(", ")
                ));
            }
            let has = |key: &String| recipients.iter().any(|r| r == key.trim());
            if let Some(new) = keys.recipients.iter().find(|key| !has(key)) {
                return Err(VaultError::NewRecipient(new.clone()));
            }
        }
        let lock = match lock {
            Lock::Recipients(_) => {
                Lock::Recipients(crypt::parse_recipients(&recipients).map_err(crypt_error)?)
            }
            passphrase => passphrase,
        };
        Ok(Vault {
            path: path.to_path_buf(),
            family: contents.family,
            printed: contents.printed,
            lock,
            recipients,
            at_hand,
            unconfirmed,
            writer,
            on_disk,
            told_link: false,
        })
    }

    fn unlock_with_passphrase(
        sealed: &[u8],
        path: &Path,
        keys: &Keys,
        prompter: &mut impl Prompter,
    ) -> Result<(zeroize::Zeroizing<Vec<u8>>, SecretString), VaultError> {
        let crypt_error = |error| VaultError::Crypt {
            path: path.to_path_buf(),
            error,
        };
        if let Some(log_n) = crypt::work_factor(sealed).filter(|&n| n > crypt::WORK_FACTOR) {
            // Each step above the usual factor doubles the time.
            let seconds = 1u64 << (log_n - crypt::WORK_FACTOR);
            prompter.say(&fl!(
                "info-opening-slow",
                factor = log_n.to_string(),
                seconds = seconds.to_string()
            ));
        }
        if let Some(file) = &keys.passphrase_file {
            let passphrase = read_passphrase_file(file)?;
            let unlock = Unlock::Passphrase(passphrase.clone());
            let plaintext = prompter
                .busy(&fl!("info-opening"), || crypt::decrypt(sealed, &unlock))
                .map_err(crypt_error)?;
            return Ok((plaintext, passphrase));
        }
        let mut tries = 0;
        loop {
            tries += 1;
            let passphrase = prompter.secret(&fl!("prompt-passphrase"))?;
            let unlock = Unlock::Passphrase(passphrase.clone());
            match prompter.busy(&fl!("info-opening"), || crypt::decrypt(sealed, &unlock)) {
                Ok(plaintext) => return Ok((plaintext, passphrase)),
                Err(CryptError::WrongPassphrase) if tries < PASSPHRASE_TRIES => {
                    prompter.say(&fl!("warn-wrong-passphrase-again"));
                }
                Err(error) => return Err(crypt_error(error)),
            }
        }
    }

    /// Encrypts and writes the bundle; the previous version stays as `.bak`.
    /// Refuses to replace a file that changed since it was read, and
    /// writes through a symbolic link to the file it points to, saying so
    /// the first time.
    pub fn save(
        &mut self,
        prompter: &mut impl Prompter,
        now: OffsetDateTime,
    ) -> Result<(), VaultError> {
        if self.writer.is_none() {
            self.writer = Some(store::WriterLock::acquire(&self.path)?);
        }
        let crypt_error = |error| VaultError::Crypt {
            path: self.path.clone(),
            error,
        };
        let sealed = prompter.busy(&fl!("info-saving"), || {
            crypt::encrypt_bound(&self.lock, crypt_error, |header| {
                bundle::to_tar_with_sheet(
                    &self.family,
                    &self.recipients,
                    Some(header),
                    self.printed.as_ref(),
                    now,
                )
                .map_err(VaultError::Qr)
            })
        })?;
        let written = store::write_checked(&self.path, &sealed, &looks_like_age, self.on_disk)?;
        self.on_disk = Expect::Same(Fingerprint::of(&sealed));
        self.unconfirmed.clear();
        if written != self.path && !self.told_link {
            self.told_link = true;
            prompter.say(&fl!(
                "info-saved-through-link",
                link = self.path.display().to_string(),
                file = written.display().to_string()
            ));
        }
        Ok(())
    }

    /// Saves from now on to `path` instead, a file that must not exist
    /// yet: where a person chose to save when the usual place failed.
    pub fn move_to(&mut self, path: &Path) -> Result<(), VaultError> {
        let writer = store::WriterLock::acquire(path)?;
        if store::real_path(path).is_ok_and(|real| real.exists()) {
            return Err(VaultError::Store(StoreError::Unrelated(path.to_path_buf())));
        }
        self.writer = Some(writer);
        self.path = path.to_path_buf();
        self.on_disk = Expect::Nothing;
        self.told_link = false;
        Ok(())
    }

    /// True when the bundle is locked with a passphrase (not to age keys).
    pub fn is_passphrase(&self) -> bool {
        matches!(self.lock, Lock::Passphrase { .. })
    }

    /// The public keys (`age1…`) the bundle is locked to, sorted; empty
    /// for a passphrase.
    pub fn recipients(&self) -> &[String] {
        &self.recipients
    }

    /// The public keys of the identity files given (`-i`): the keys that
    /// could open the bundle on this computer now.
    pub fn keys_at_hand(&self) -> &[String] {
        &self.at_hand
    }

    /// Keys the bundle's own list names but the file is no longer known
    /// to be locked to (re-encrypted by another program): the next save
    /// leaves them out unless they are added again.
    pub fn unconfirmed_keys(&self) -> &[String] {
        &self.unconfirmed
    }

    /// From the next save on, the bundle is locked with `passphrase` (and
    /// no longer to any key). `work_factor` as in [`Keys::work_factor`].
    pub fn set_passphrase(&mut self, passphrase: SecretString, work_factor: Option<u8>) {
        self.lock = Lock::Passphrase {
            passphrase,
            work_factor,
        };
        self.recipients.clear();
    }

    /// From the next save on, the bundle is locked to exactly these public
    /// keys (and no longer with a passphrase). Each is checked first.
    pub fn set_recipients(&mut self, recipients: &[String]) -> Result<(), VaultError> {
        let mut recipients: Vec<String> = recipients.iter().map(|r| r.trim().to_owned()).collect();
        recipients.sort();
        recipients.dedup();
        if recipients.is_empty() {
            return Err(VaultError::NoRecipientsLeft(self.path.clone()));
        }
        let parsed = crypt::parse_recipients(&recipients).map_err(|error| VaultError::Crypt {
            path: self.path.clone(),
            error,
        })?;
        self.lock = Lock::Recipients(parsed);
        self.recipients = recipients;
        Ok(())
    }
}

/// The keys a bundle locked to keys is saved to again, and those of its
/// list that are left out.
struct Trusted {
    recipients: Vec<String>,
    unconfirmed: Vec<String>,
}

/// Which keys to save a bundle to again. The list inside it is trusted only
/// while the file is the one this program wrote for it: its age header is
/// the one the manifest recorded, or, for a bundle written before headers
/// were recorded, the key that opened it is on the list and the header has
/// as many keys as the list. Otherwise another program (the age CLI)
/// re-encrypted it, and the key that actually opened it wins: saving to the
/// old list would lock out the new key and hand the data to an old one.
fn trusted_recipients(
    sealed: &[u8],
    contents: &bundle::Contents,
    opener: Option<&str>,
    at_hand: &[String],
) -> Trusted {
    let mut listed = contents.recipients.clone();
    listed.sort();
    listed.dedup();
    let own = match &contents.age_header_sha256 {
        Some(recorded) => crypt::header_digest(sealed).as_ref() == Some(recorded),
        None => {
            !listed.is_empty()
                && opener.is_some_and(|key| listed.iter().any(|listed| listed == key))
                && crypt::x25519_stanzas(sealed) == listed.len()
        }
    };
    if own {
        return Trusted {
            recipients: listed,
            unconfirmed: Vec::new(),
        };
    }
    let mut recipients = match opener {
        Some(key) => vec![key.to_owned()],
        None => at_hand.to_vec(),
    };
    recipients.sort();
    recipients.dedup();
    let unconfirmed = listed
        .into_iter()
        .filter(|key| !recipients.contains(key))
        .collect();
    Trusted {
        recipients,
        unconfirmed,
    }
}

/// A new passphrase: the first line of `file` for scripts, otherwise asked
/// twice with advice about a weak one (as when a bundle is made).
pub fn ask_new_passphrase(
    file: Option<&Path>,
    prompter: &mut impl Prompter,
) -> Result<SecretString, VaultError> {
    match file {
        Some(file) => read_passphrase_file(file),
        None => new_passphrase(prompter, "change"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompter::Scripted;

    const LOW: Option<u8> = Some(4);

    fn keys() -> Keys {
        Keys {
            work_factor: LOW,
            ..Keys::default()
        }
    }

    /// The list inside a bundle against the file's header, every way.
    #[test]
    fn the_list_inside_is_trusted_only_while_the_file_is_its_own() {
        let a = age::x25519::Identity::generate().to_public().to_string();
        let b = age::x25519::Identity::generate().to_public().to_string();
        let family = Family::default();
        let seal_to = |to: &[String], record: bool, listed: &[String]| {
            let lock = Lock::Recipients(crypt::parse_recipients(to).unwrap());
            let sealed = crypt::encrypt_bound(
                &lock,
                |e| e,
                |header| {
                    Ok(bundle::to_tar_sealed(
                        &family,
                        listed,
                        record.then_some(header),
                        OffsetDateTime::UNIX_EPOCH,
                    )
                    .unwrap())
                },
            )
            .unwrap();
            let plaintext =
                bundle::to_tar_sealed(&family, listed, None, OffsetDateTime::UNIX_EPOCH).unwrap();
            let mut contents = bundle::from_tar(&plaintext).unwrap();
            if record {
                contents.age_header_sha256 = crypt::header_digest(&sealed);
            }
            (sealed, contents)
        };
        let mut both = vec![a.clone(), b.clone()];
        both.sort();
        let trusted = |sealed: &[u8], contents: &bundle::Contents, opener: &str| {
            let t = trusted_recipients(sealed, contents, Some(opener), &[]);
            (t.recipients, t.unconfirmed)
        };

        // Written by kapukulcs for both keys: the list stands.
        let (sealed, contents) = seal_to(&both, true, &both);
        assert_eq!(trusted(&sealed, &contents, &a), (both.clone(), vec![]));
        // The same plaintext under another header (re-encrypted to A and B
        // by the age CLI): only the key that opened it is sure.
        let (other, _) = seal_to(&both, true, &both);
        assert_eq!(
            trusted(&other, &contents, &a),
            (vec![a.clone()], vec![b.clone()])
        );
        // Before headers were recorded: the list stands while the opener
        // is on it and the header holds as many keys...
        let (sealed, contents) = seal_to(&both, false, &both);
        assert_eq!(trusted(&sealed, &contents, &b), (both.clone(), vec![]));
        // ...but not when the file holds fewer keys than the list,
        let (sealed, contents) = seal_to(std::slice::from_ref(&a), false, &both);
        assert_eq!(
            trusted(&sealed, &contents, &a),
            (vec![a.clone()], vec![b.clone()])
        );
        // ...nor when the key that opened it is not on it (the audit's
        // rotation from A to B).
        let (sealed, contents) = seal_to(std::slice::from_ref(&b), false, std::slice::from_ref(&a));
        assert_eq!(
            trusted(&sealed, &contents, &b),
            (vec![b.clone()], vec![a.clone()])
        );
    }

    #[test]
    fn new_bundle_asks_twice_then_reopens_with_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        let strong = "kert-alma-hegy-tavasz-77";
        let mut prompter = Scripted {
            secrets: vec![
                strong.into(),
                "elgepelt".into(),
                strong.into(),
                strong.into(),
            ],
            ..Scripted::default()
        };
        let mut vault = Vault::open(&path, &keys(), &mut prompter, Access::Create).unwrap();
        vault.family = crate::vault::bundle::tests::demo_family();
        vault
            .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(vault);
        // A first run starts with a welcome that says where the bundle
        // goes, before the passphrase is asked.
        assert_eq!(
            prompter.shown.first(),
            Some(&fl!("welcome", file = path.display().to_string()))
        );
        // The mismatch was reported and the passphrase asked again.
        assert!(
            prompter
                .shown
                .iter()
                .any(|s| s == &fl!("err-passphrase-mismatch"))
        );

        let mut prompter = Scripted {
            secrets: vec!["rossz".into(), strong.into()],
            ..Scripted::default()
        };
        let vault = Vault::open(&path, &keys(), &mut prompter, Access::Write).unwrap();
        assert_eq!(vault.family.members.len(), 3);
        assert!(
            prompter
                .shown
                .iter()
                .any(|s| s == &fl!("warn-wrong-passphrase-again"))
        );
    }

    #[test]
    fn weak_passphrase_gets_a_warning_and_a_suggestion() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        let mut prompter = Scripted {
            secrets: vec!["mama123".into(), "mama123".into()],
            confirms: vec![true],
            ..Scripted::default()
        };
        Vault::open(&path, &keys(), &mut prompter, Access::Create).unwrap();
        assert!(
            prompter.asked.contains(&fl!("prompt-keep-weak-passphrase")),
            "{:?}",
            prompter.asked
        );
        assert!(is_weak(&SecretString::new("mama123".into())));
        let suggestion = suggest_passphrase(&mut rand::rng());
        assert!(!is_weak(&suggestion), "{}", suggestion.expose());
        assert_eq!(suggestion.expose().len(), 24);
    }

    /// A folder with a passphrase file and a saved demo family in
    /// `mentes.age`, written with `work_factor`.
    fn saved_bundle(work_factor: u8) -> (tempfile::TempDir, PathBuf, Keys) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        let file = dir.path().join("jelszo.txt");
        fs::write(&file, "kert-alma-hegy-tavasz-77\n").unwrap();
        let keys = Keys {
            passphrase_file: Some(file),
            work_factor: Some(work_factor),
            ..Keys::default()
        };
        let mut vault =
            Vault::open(&path, &keys, &mut Scripted::default(), Access::Create).unwrap();
        vault.family = crate::vault::bundle::tests::demo_family();
        vault
            .save(&mut Scripted::default(), OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        (dir, path, keys)
    }

    /// Opens a bundle written with `work_factor` and checks what was said
    /// before the derivation; returns the seconds it took.
    fn opens_with_a_message_about_the_time(work_factor: u8) -> f64 {
        let (_dir, path, keys) = saved_bundle(work_factor);
        let mut prompter = Scripted::default();
        let started = std::time::Instant::now();
        let vault = Vault::open(&path, &keys, &mut prompter, Access::Read).unwrap();
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(vault.family.members.len(), 3);
        let expected = fl!(
            "info-opening-slow",
            factor = work_factor.to_string(),
            seconds = (1u64 << (work_factor - crypt::WORK_FACTOR)).to_string()
        );
        let said = prompter.shown.iter().position(|s| s == &expected);
        let busy = prompter
            .shown
            .iter()
            .position(|s| s == &fl!("info-opening"));
        assert!(
            matches!((said, busy), (Some(s), Some(b)) if s < b),
            "the time is not told before opening: {:?}",
            prompter.shown
        );
        seconds
    }

    #[test]
    fn a_bundle_above_the_usual_work_factor_opens_with_a_message_about_the_time() {
        opens_with_a_message_about_the_time(crypt::WORK_FACTOR + 1);
    }

    #[test]
    #[ignore = "slow: scrypt 2^22 needs 4 GiB of memory and about a minute; CI runs it"]
    fn a_bundle_at_the_highest_work_factor_opens_with_a_message_about_the_time() {
        let seconds = opens_with_a_message_about_the_time(crypt::MAX_WORK_FACTOR);
        eprintln!("opening at 2^22 took {seconds:.1} s");
    }

    #[test]
    fn usual_work_factor_opens_without_a_message() {
        let (_dir, path, keys) = saved_bundle(4);
        let mut prompter = Scripted::default();
        Vault::open(&path, &keys, &mut prompter, Access::Read).unwrap();
        assert_eq!(prompter.shown, vec![fl!("info-opening")]);
    }

    /// An age identity file in `dir` and its public key.
    fn identity_file(dir: &Path, name: &str) -> (PathBuf, String) {
        let identity = age::x25519::Identity::generate();
        let file = dir.join(name);
        fs::write(
            &file,
            format!(
                "{}\n",
                age::secrecy::ExposeSecret::expose_secret(&identity.to_string())
            ),
        )
        .unwrap();
        (file, identity.to_public().to_string())
    }

    #[test]
    fn passphrase_and_keys_change_and_each_change_keeps_the_previous_file() {
        let (dir, path, keys) = saved_bundle(4);
        let backup = store::backup_path(&path);
        let new_file = dir.path().join("uj.txt");
        fs::write(&new_file, "hegy-tavasz-kert-alma-88\n").unwrap();
        let new_keys = Keys {
            passphrase_file: Some(new_file.clone()),
            ..keys.clone()
        };
        let mut prompter = Scripted::default();

        // A new passphrase: the old one stops working.
        let before = fs::read(&path).unwrap();
        let mut vault = Vault::open(&path, &keys, &mut prompter, Access::Write).unwrap();
        assert!(vault.is_passphrase() && vault.recipients().is_empty());
        let passphrase = ask_new_passphrase(Some(&new_file), &mut prompter).unwrap();
        vault.set_passphrase(passphrase, keys.work_factor);
        vault
            .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(vault);
        assert_eq!(fs::read(&backup).unwrap(), before);
        assert!(matches!(
            Vault::open(&path, &keys, &mut prompter, Access::Read),
            Err(VaultError::Crypt {
                error: CryptError::WrongPassphrase,
                ..
            })
        ));

        // Two keys: the passphrase stops working, each key opens it.
        let (first, first_public) = identity_file(dir.path(), "egy.txt");
        let (second, second_public) = identity_file(dir.path(), "ketto.txt");
        let before = fs::read(&path).unwrap();
        let mut vault = Vault::open(&path, &new_keys, &mut prompter, Access::Write).unwrap();
        vault
            .set_recipients(&[second_public.clone(), first_public.clone()])
            .unwrap();
        vault
            .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(vault);
        assert_eq!(fs::read(&backup).unwrap(), before);
        assert!(matches!(
            Vault::open(&path, &new_keys, &mut prompter, Access::Read),
            Err(VaultError::Crypt {
                error: CryptError::NeedsIdentity,
                ..
            })
        ));
        let with = |file: &PathBuf| Keys {
            identities: vec![file.clone()],
            ..Keys::default()
        };
        let mut sorted = vec![first_public.clone(), second_public.clone()];
        sorted.sort();
        for file in [&first, &second] {
            let vault = Vault::open(&path, &with(file), &mut prompter, Access::Read).unwrap();
            assert!(!vault.is_passphrase());
            assert_eq!(vault.recipients(), sorted);
        }

        // The second key taken away: it no longer opens the bundle, and
        // opening with the first does not bring it back.
        let mut vault = Vault::open(&path, &with(&first), &mut prompter, Access::Write).unwrap();
        vault
            .set_recipients(std::slice::from_ref(&first_public))
            .unwrap();
        vault
            .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        drop(vault);
        assert!(matches!(
            Vault::open(&path, &with(&second), &mut prompter, Access::Read),
            Err(VaultError::Crypt {
                error: CryptError::NoMatchingIdentity,
                ..
            })
        ));
        let both = Keys {
            identities: vec![first.clone(), second.clone()],
            ..Keys::default()
        };
        let vault = Vault::open(&path, &both, &mut prompter, Access::Read).unwrap();
        assert_eq!(vault.recipients(), std::slice::from_ref(&first_public));
        let mut vault = vault;
        assert!(matches!(
            vault.set_recipients(&[]),
            Err(VaultError::NoRecipientsLeft(_))
        ));
        assert!(matches!(
            vault.set_recipients(&["age1nope".into()]),
            Err(VaultError::Crypt {
                error: CryptError::BadRecipient(_),
                ..
            })
        ));

        // --recipient on an existing bundle only as a reminder of its keys.
        let reminder = Keys {
            recipients: vec![first_public.clone()],
            ..with(&first)
        };
        assert!(Vault::open(&path, &reminder, &mut prompter, Access::Read).is_ok());
        let new_key = Keys {
            recipients: vec![second_public.clone()],
            ..with(&first)
        };
        assert!(matches!(
            Vault::open(&path, &new_key, &mut prompter, Access::Read),
            Err(VaultError::NewRecipient(key)) if key == second_public
        ));

        // And back to a passphrase.
        drop(vault);
        let mut vault = Vault::open(&path, &with(&first), &mut prompter, Access::Write).unwrap();
        let passphrase = ask_new_passphrase(Some(&new_file), &mut prompter).unwrap();
        vault.set_passphrase(passphrase, keys.work_factor);
        vault
            .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
            .unwrap();
        let vault = Vault::open(&path, &new_keys, &mut prompter, Access::Read).unwrap();
        assert!(vault.is_passphrase() && vault.recipients().is_empty());
        assert_eq!(vault.family.members.len(), 3);
    }

    #[test]
    fn recipient_flag_on_a_passphrase_bundle_is_an_error() {
        let (dir, path, keys) = saved_bundle(4);
        let (_, public) = identity_file(dir.path(), "kulcs.txt");
        let keys = Keys {
            recipients: vec![public],
            ..keys
        };
        let error = Vault::open(&path, &keys, &mut Scripted::default(), Access::Read)
            .err()
            .unwrap();
        assert!(matches!(error, VaultError::RecipientForPassphrase(_)));
        assert!(
            error
                .recovery()
                .unwrap()
                .contains("kapukulcs kulcsok --add")
        );
    }

    #[test]
    fn missing_bundle_is_an_error_unless_creating() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nincs.age");
        let mut prompter = Scripted::default();
        assert!(matches!(
            Vault::open(&path, &keys(), &mut prompter, Access::Write),
            Err(VaultError::NoBundle(p)) if p == path
        ));
    }
}
