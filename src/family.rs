//! The family record: for each person the Ügyfélkapu+ account, the picture
//! it came from, the deletion code (törlőkód) and when the key was last
//! proven right; whether the key was cancelled because the phone was lost,
//! and the keys the person had before. Pure data with checks; the bundle
//! stores it, the sheet prints it, the wizard and the lost-phone flow fill
//! it in.

use time::OffsetDateTime;

use crate::{
    fl,
    formats::otpauth::{Key, OtpAuth},
    i18n::Explain,
    secret::{SecretBytes, SecretString},
};

/// The issuer Ügyfélkapu+ keys carry; given to keys typed by hand and to
/// accounts whose QR code named no issuer.
pub const UGYFELKAPU_ISSUER: &str = "Ügyfélkapu+";

/// Whether an account from another app looks like an Ügyfélkapu+ key
/// (its issuer is spelt in many ways: "Ügyfélkapu+", "KAU", "NISZ").
pub fn is_ugyfelkapu(account: &OtpAuth) -> bool {
    let issuer = account.issuer.clone().unwrap_or_default().to_lowercase();
    issuer.contains("gyf") || issuer.contains("kau") || issuer.contains("nisz")
}

/// The deletion code length the Ügyfélkapu+ page shows (e.g. 91390724).
pub const DELETION_CODE_DIGITS: usize = 8;

/// Why a deletion code was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeletionCodeError {
    /// Nothing was typed.
    Empty,
    /// A character other than a digit, space or dash.
    NotDigits,
}

/// A deletion code (törlőkód): digits only, kept secret because it can
/// switch off someone's Ügyfélkapu+.
#[derive(Clone, PartialEq, Eq)]
pub struct DeletionCode(SecretString);

impl DeletionCode {
    /// Accepts digits with spaces and dashes as people copy them
    /// ("9139 0724", "9139-0724"). Any length of digits is kept; callers
    /// warn when [`DeletionCode::has_usual_length`] is false.
    pub fn parse(typed: &str) -> Result<DeletionCode, DeletionCodeError> {
        let mut digits = String::new();
        for ch in typed.chars() {
            match ch {
                '0'..='9' => digits.push(ch),
                ' ' | '-' | '\t' | '\u{a0}' => {}
                _ => return Err(DeletionCodeError::NotDigits),
            }
        }
        if digits.is_empty() {
            return Err(DeletionCodeError::Empty);
        }
        Ok(DeletionCode(SecretString::new(digits)))
    }

    /// The digits.
    pub fn digits(&self) -> &SecretString {
        &self.0
    }

    /// True for the 8 digits the guide shows.
    pub fn has_usual_length(&self) -> bool {
        self.0.expose().len() == DELETION_CODE_DIGITS
    }

    /// The digits in groups of four, easier to read aloud and to copy.
    pub fn grouped(&self) -> String {
        let digits = self.0.expose();
        digits
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The QR picture exactly as the user saved it; it holds the key in the clear.
#[derive(Clone)]
pub struct Picture {
    /// The file name it had (no folders).
    pub file_name: String,
    /// The bytes as saved.
    pub bytes: SecretBytes,
}

/// How far the guided registration got for a person, so an interrupted
/// wizard can continue where it stopped. Saved after every step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The QR code was read (step 2); the typed key is not checked yet.
    KeyRead,
    /// The typed key was checked against the QR code, or skipped (step 3).
    KeyChecked,
    /// A code from the phone matched (step 5); the deletion code is missing.
    PhoneConfirmed,
    /// Nothing left to do.
    #[default]
    Done,
}

/// One family member's Ügyfélkapu+ account.
#[derive(Clone)]
pub struct Member {
    /// The name the family uses: Én, Mama, Papa, …; unique in the family.
    pub name: String,
    /// The Ügyfélkapu username, when known.
    pub username: Option<String>,
    /// Issuer, label, key, algorithm, digits, period.
    pub account: OtpAuth,
    /// The otpauth URI exactly as the QR code (or the user) gave it.
    pub original_uri: SecretString,
    /// The saved QR picture, when the key came from one.
    pub picture: Option<Picture>,
    /// The deletion code shown after pairing, when recorded.
    pub deletion_code: Option<DeletionCode>,
    /// When the person was added.
    pub added: OffsetDateTime,
    /// When a code from the phone last proved the key right.
    pub confirmed: Option<OffsetDateTime>,
    /// A free note.
    pub note: String,
    /// How far the guided registration got.
    pub stage: Stage,
    /// When the phone holding this key was reported lost, while its
    /// cancellation is still to do: an interrupted lost-phone run continues
    /// with the people marked so. Cleared when the key is cancelled.
    pub lost: Option<OffsetDateTime>,
    /// When this key was cancelled with the deletion code (or at a
    /// government office): it no longer logs in.
    pub cancelled: Option<OffsetDateTime>,
    /// The keys the person had before, oldest first; never dropped.
    pub history: Vec<Former>,
}

/// A key a person no longer uses, kept in the bundle's history with what
/// belonged to it: a new registration replaced it.
#[derive(Clone)]
pub struct Former {
    /// Issuer, label, key, algorithm, digits, period.
    pub account: OtpAuth,
    /// The otpauth URI exactly as the QR code gave it.
    pub original_uri: SecretString,
    /// The saved QR picture, when the key came from one.
    pub picture: Option<Picture>,
    /// The deletion code that belonged to this key.
    pub deletion_code: Option<DeletionCode>,
    /// When a code from the phone last proved this key right.
    pub confirmed: Option<OffsetDateTime>,
    /// When the key was cancelled, if it was.
    pub cancelled: Option<OffsetDateTime>,
    /// Whether the portal still takes this key, asked after the person set
    /// Ügyfélkapu+ up on another device ("Beállítás másik eszközre")
    /// without cancelling it first: no source says that this retires the
    /// old key, so the person tries the old key's code and says.
    pub old_key_check: Option<OldKeyCheck>,
    /// When a new key took its place.
    pub replaced: OffsetDateTime,
}

/// How a person already in the bundle gets a new key on the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renewal {
    /// Their Ügyfélkapu+ was cancelled: they apply for it again, logged in
    /// with the old single-factor "Ügyfélkapu" login.
    AfterCancellation,
    /// Logged in with their current key, they choose "Beállítás másik
    /// eszközre" in the Ügyfélkapu settings: a new QR code and a new
    /// deletion code, without a cancellation (teol.hu, 2025-11-03).
    OtherDevice,
}

/// What the person found when they tried a former key's code at the
/// portal's login after moving Ügyfélkapu+ to another device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OldKeyCheck {
    /// Not tried yet: asked again by the next `elveszett` run.
    Pending,
    /// The portal refused the old code (on this date): the lost phone is
    /// cut off.
    Refused(OffsetDateTime),
    /// The portal still took the old code (on this date): the lost phone
    /// can still log in.
    StillWorks(OffsetDateTime),
}

impl Member {
    /// Puts a newly read key in place of the current one, which goes into
    /// [`Member::history`] with its picture, deletion code and dates. The
    /// new key starts the guided registration again ([`Stage::KeyRead`]).
    pub fn replace_key(
        &mut self,
        original_uri: SecretString,
        account: OtpAuth,
        picture: Option<Picture>,
        now: OffsetDateTime,
    ) {
        let former = Former {
            account: std::mem::replace(&mut self.account, account),
            original_uri: std::mem::replace(&mut self.original_uri, original_uri),
            picture: std::mem::replace(&mut self.picture, picture),
            deletion_code: self.deletion_code.take(),
            confirmed: self.confirmed.take(),
            cancelled: self.cancelled.take(),
            old_key_check: None,
            replaced: now,
        };
        self.history.push(former);
        self.lost = None;
        self.stage = Stage::KeyRead;
    }

    /// A new member with no picture, deletion code, confirmation or note.
    pub fn new(name: String, account: OtpAuth, added: OffsetDateTime) -> Member {
        let original_uri = account.to_uri();
        Member {
            name,
            username: None,
            account,
            original_uri,
            picture: None,
            deletion_code: None,
            added,
            confirmed: None,
            note: String::new(),
            stage: Stage::Done,
            lost: None,
            cancelled: None,
            history: Vec::new(),
        }
    }
}

impl Explain for DeletionCodeError {
    fn message(&self) -> String {
        match self {
            DeletionCodeError::Empty => fl!("err-deletion-code-empty"),
            DeletionCodeError::NotDigits => fl!("err-deletion-code-digits"),
        }
    }

    fn recovery(&self) -> Option<String> {
        Some(fl!("rec-deletion-code"))
    }
}

impl Member {
    /// A fingerprint of what a recovery sheet prints for this person: the
    /// key, the deletion code and whether the key is cancelled (SHA-256,
    /// hex). It holds nothing that is not in the bundle beside it.
    pub fn sheet_fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(self.account.key.text().expose().as_bytes());
        hash.update(b"\n");
        if let Some(code) = &self.deletion_code {
            hash.update(code.digits().expose().as_bytes());
        }
        hash.update(if self.cancelled.is_some() {
            b"\nx"
        } else {
            b"\nv"
        });
        data_encoding::HEXLOWER.encode(&hash.finalize())
    }

    /// What the person's authenticator entry is called: "Mama
    /// (kovacs.maria)", or just "Mama" when the username is not known. The
    /// wizard, restore, the sheet and export all use this one label.
    pub fn entry_label(&self) -> String {
        match &self.username {
            Some(username) if !username.trim().is_empty() => fl!(
                "entry-name",
                name = self.name.as_str(),
                username = username.as_str()
            ),
            _ => self.name.clone(),
        }
    }

    /// The account as it goes back on a phone or into another app: the
    /// original key and parameters, labelled with [`Member::entry_label`],
    /// so that no two entries share a label (some apps replace an entry
    /// with the same label).
    pub fn labelled_account(&self) -> OtpAuth {
        let mut account = self.account.clone();
        account.issuer = Some(
            account
                .issuer
                .clone()
                .unwrap_or_else(|| UGYFELKAPU_ISSUER.to_owned()),
        );
        account.account = self.entry_label();
        account
    }
}

/// Why a member cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FamilyError {
    /// The name is blank.
    EmptyName,
    /// Another member has this name (compared without case).
    DuplicateName(String),
    /// No member has this name.
    NoSuchMember(String),
    /// The note is longer than [`MAX_NOTE_CHARS`].
    NoteTooLong {
        /// Whose note.
        name: String,
        /// Its length in characters.
        length: usize,
    },
}

/// The longest note a person may have, in characters: far more than the
/// sheet's three lines show, and a bound on what a hand-made bundle can
/// make the sheet lay out.
pub const MAX_NOTE_CHARS: usize = 1000;

impl Explain for FamilyError {
    fn message(&self) -> String {
        match self {
            FamilyError::EmptyName => fl!("err-name-empty"),
            FamilyError::DuplicateName(name) => fl!("err-name-taken", name = name.as_str()),
            FamilyError::NoSuchMember(name) => fl!("err-no-such-member", name = name.as_str()),
            FamilyError::NoteTooLong { name, length } => fl!(
                "err-note-too-long",
                name = name.as_str(),
                who = who(name),
                length = length.to_string(),
                max = MAX_NOTE_CHARS.to_string()
            ),
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            FamilyError::EmptyName => None,
            FamilyError::DuplicateName(_) => Some(fl!("rec-name-taken")),
            FamilyError::NoSuchMember(_) => Some(fl!("rec-no-such-member")),
            FamilyError::NoteTooLong { .. } => Some(fl!("rec-note-too-long")),
        }
    }
}

crate::explained!(DeletionCodeError, FamilyError);

/// Everyone whose Ügyfélkapu+ the user looks after, in the order added.
#[derive(Clone, Default)]
pub struct Family {
    /// The members, in the order they were added.
    pub members: Vec<Member>,
}

/// When the last recovery sheet was written and, for each person on it, a
/// fingerprint of what it printed ([`Member::sheet_fingerprint`]): the
/// sheet is out of date for anyone whose fingerprint has changed since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedSheet {
    /// When it was written (the "Készült" date on the sheet).
    pub at: OffsetDateTime,
    /// Each person on it: name and fingerprint.
    pub members: Vec<(String, String)>,
}

impl PrintedSheet {
    /// The record of a sheet of `family` written `at`.
    pub fn of(family: &Family, at: OffsetDateTime) -> PrintedSheet {
        PrintedSheet {
            at,
            members: family
                .members
                .iter()
                .map(|m| (m.name.clone(), m.sheet_fingerprint()))
                .collect(),
        }
    }

    /// The people this sheet is wrong for, in family order: their key,
    /// deletion code or its validity changed since it was printed. People
    /// added since are not on it and not named: the sheet says nothing
    /// wrong about them. Empty when the sheet is up to date.
    pub fn out_of_date(&self, family: &Family) -> Vec<String> {
        family
            .members
            .iter()
            .filter(|m| {
                self.members.iter().any(|(name, print)| {
                    same_name(name, &m.name) && *print != m.sheet_fingerprint()
                })
            })
            .map(|m| m.name.clone())
            .collect()
    }

    /// The warning that this printed sheet is out of date, naming for whom
    /// and the date it bears ("Készült: …"), or `None` while it is right.
    /// The person running the program is spoken to ("a te adataidra").
    pub fn out_of_date_note(&self, family: &Family) -> Option<String> {
        let stale = self.out_of_date(family);
        if stale.is_empty() {
            return None;
        }
        let others: Vec<&str> = stale
            .iter()
            .filter(|n| !is_self(n))
            .map(String::as_str)
            .collect();
        let who = match (others.len() < stale.len(), others.is_empty()) {
            (true, true) => "self",
            (true, false) => "mixed",
            _ => "other",
        };
        let at = self.at;
        let date = fl!(
            "date-format",
            year = at.year().to_string(),
            month = format!("{:02}", u8::from(at.month())),
            day = format!("{:02}", at.day())
        );
        Some(fl!(
            "warn-sheet-out-of-date",
            who = who,
            date = date,
            names = others.join(", ")
        ))
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Family {
    /// The member called `name` (without regard to case).
    pub fn find(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| same_name(&m.name, name))
    }

    /// The member called `name`, to change.
    pub fn find_mut(&mut self, name: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| same_name(&m.name, name))
    }

    /// The member called `name`, whom a flow saved itself earlier in its
    /// run: a missing one is a bug in the flow, not the person's doing.
    pub fn saved(&self, name: &str) -> &Member {
        self.find(name).expect("a flow works on a member it saved")
    }

    /// [`Family::saved`], to change.
    pub fn saved_mut(&mut self, name: &str) -> &mut Member {
        self.find_mut(name)
            .expect("a flow works on a member it saved")
    }

    /// Adds `member`, refusing a blank or already used name and a note
    /// over [`MAX_NOTE_CHARS`].
    pub fn add(&mut self, mut member: Member) -> Result<(), FamilyError> {
        member.name = member.name.trim().to_owned();
        if member.name.is_empty() {
            return Err(FamilyError::EmptyName);
        }
        let length = member.note.chars().count();
        if length > MAX_NOTE_CHARS {
            return Err(FamilyError::NoteTooLong {
                name: member.name,
                length,
            });
        }
        if self.find(&member.name).is_some() {
            return Err(FamilyError::DuplicateName(member.name));
        }
        self.members.push(member);
        Ok(())
    }

    /// Takes out the member called `name` and returns them.
    pub fn remove(&mut self, name: &str) -> Result<Member, FamilyError> {
        let index = self
            .members
            .iter()
            .position(|m| same_name(&m.name, name))
            .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
        Ok(self.members.remove(index))
    }
}

/// Where a key read for a registration already is in the bundle. A key
/// the bundle knows is never taken as a person's new one: a person's own
/// cancelled or former key no longer logs in (an old screenshot), and
/// another person's key is theirs alone (the wrong screenshot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnownKey {
    /// The key the person has now, which a new registration replaces:
    /// `cancelled` when the lost-phone flow cancelled it.
    OwnCurrent {
        /// Whether it was cancelled.
        cancelled: bool,
    },
    /// One of the person's former keys.
    OwnFormer,
    /// Another person's key now in use.
    Other {
        /// The other person.
        name: String,
    },
    /// Another person's cancelled or former key.
    OtherFormer {
        /// The other person.
        name: String,
    },
}

/// Where a deletion code typed for a new key already is in the bundle: a
/// new registration always shows a new code, so an old one is questioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnownDeletionCode {
    /// One of the person's former keys had it.
    OwnFormer,
    /// Another person's key (now or before) has it.
    Other {
        /// The other person.
        name: String,
    },
}

impl Family {
    /// Where `key`, read for registering `name`, already is. The person's
    /// own current key counts only once their registration is finished
    /// (a new registration replaces it); while it is under way the current
    /// key is the one being registered.
    pub fn known_key(&self, key: &Key, name: &str) -> Option<KnownKey> {
        let mut found = None;
        for member in &self.members {
            let own = same_name(&member.name, name);
            let current = member.account.key == *key;
            let former = member.history.iter().any(|f| f.account.key == *key);
            let this = match (own, current, former) {
                (true, true, _) if member.stage == Stage::Done => Some(KnownKey::OwnCurrent {
                    cancelled: member.cancelled.is_some(),
                }),
                (true, _, true) => Some(KnownKey::OwnFormer),
                (false, true, _) if member.cancelled.is_none() => Some(KnownKey::Other {
                    name: member.name.clone(),
                }),
                (false, true, _) | (false, _, true) => Some(KnownKey::OtherFormer {
                    name: member.name.clone(),
                }),
                _ => None,
            };
            // The person's own history is named first: it is the likelier
            // mistake (an old screenshot still on disk).
            match this {
                Some(KnownKey::OwnCurrent { .. } | KnownKey::OwnFormer) => return this,
                Some(_) if found.is_none() => found = this,
                _ => {}
            }
        }
        found
    }

    /// Where `code`, typed as the new deletion code of `name`, already is:
    /// in the person's history, or with another person.
    pub fn known_deletion_code(
        &self,
        code: &DeletionCode,
        name: &str,
    ) -> Option<KnownDeletionCode> {
        let mut found = None;
        for member in &self.members {
            let former = member
                .history
                .iter()
                .any(|f| f.deletion_code.as_ref() == Some(code));
            if same_name(&member.name, name) {
                if former {
                    return Some(KnownDeletionCode::OwnFormer);
                }
            } else if found.is_none() && (former || member.deletion_code.as_ref() == Some(code)) {
                found = Some(KnownDeletionCode::Other {
                    name: member.name.clone(),
                });
            }
        }
        found
    }
}

/// Whether `name` is how the person running the program calls themself
/// ("Én", "Magam", "Me", "Myself"): messages then speak to them ("a saját
/// felhasználóneved") instead of about them. Decided here, once; the words
/// come from Fluent selectors.
pub fn is_self(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    ["én", "magam", "énmagam", "én magam", "me", "myself"].contains(&name.as_str())
}

/// The `who` selector of every message that names a person: `self` for
/// the person running the program (Én, Me: see [`is_self`]), so Hungarian
/// says "a saját sorodban" and "a kulcsod" rather than "Én sorában" and
/// "Én kulcsa"; `other` for anyone else. The words are in the messages.
pub fn who(name: &str) -> &'static str {
    if is_self(name) { "self" } else { "other" }
}

/// Where `text` names the person running the program in the third person:
/// "Én " followed by a word ("Én törlőkódja", "Én vigye magával"), which
/// the `who` selector exists to prevent. For tests of every flow's words.
#[cfg(test)]
pub fn third_person_self(text: &str) -> Option<String> {
    text.match_indices("Én ")
        .find(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + "Én ".len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphabetic)
        })
        .map(|(at, _)| text[at..].chars().take(40).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::otpauth::Key;

    fn member(name: &str) -> Member {
        let key = Key::parse("ABCDEFGHIJKLMNOPQRST").unwrap();
        let account = OtpAuth::new(Some("Ügyfélkapu+".into()), name.into(), key);
        Member::new(name.into(), account, OffsetDateTime::UNIX_EPOCH)
    }

    #[test]
    fn a_note_over_the_limit_is_refused() {
        let mut family = Family::default();
        let mut long = member("Mama");
        long.note = "a".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            family.add(long),
            Err(FamilyError::NoteTooLong {
                name: "Mama".into(),
                length: MAX_NOTE_CHARS + 1
            })
        );
        let mut fits = member("Mama");
        fits.note = "ű".repeat(MAX_NOTE_CHARS);
        family.add(fits).unwrap();
    }

    #[test]
    fn deletion_codes_as_people_copy_them() {
        for typed in ["91390724", "9139 0724", "9139-0724", " 91 39 07 24 "] {
            let code = DeletionCode::parse(typed).unwrap();
            assert_eq!(code.digits().expose(), "91390724");
            assert!(code.has_usual_length());
            assert_eq!(code.grouped(), "9139 0724");
        }
        let short = DeletionCode::parse("913907").unwrap();
        assert!(!short.has_usual_length());
        assert_eq!(
            DeletionCode::parse("9139O724").err(),
            Some(DeletionCodeError::NotDigits)
        );
        assert_eq!(
            DeletionCode::parse(" - ").err(),
            Some(DeletionCodeError::Empty)
        );
    }

    #[test]
    fn a_replaced_key_goes_into_the_history_with_its_deletion_code() {
        let mut mama = member("Mama");
        mama.deletion_code = Some(DeletionCode::parse("91390724").unwrap());
        mama.confirmed = Some(OffsetDateTime::UNIX_EPOCH);
        mama.cancelled = Some(OffsetDateTime::UNIX_EPOCH);
        mama.lost = Some(OffsetDateTime::UNIX_EPOCH);
        let old_key = mama.account.key.clone();
        let new = OtpAuth::new(
            None,
            "x".into(),
            Key::parse("MFRGGZDFMZTWQ2LKNNWG").unwrap(),
        );
        let later = OffsetDateTime::UNIX_EPOCH + time::Duration::days(3);
        mama.replace_key(new.to_uri(), new.clone(), None, later);
        assert!(mama.account == new);
        assert!(mama.deletion_code.is_none() && mama.confirmed.is_none());
        assert!(mama.cancelled.is_none() && mama.lost.is_none());
        assert_eq!(mama.stage, Stage::KeyRead);
        let former = &mama.history[0];
        assert!(former.account.key == old_key);
        assert_eq!(
            former.deletion_code.as_ref().unwrap().grouped(),
            "9139 0724"
        );
        assert_eq!(former.cancelled, Some(OffsetDateTime::UNIX_EPOCH));
        assert_eq!(former.replaced, later);
    }

    #[test]
    fn a_key_or_deletion_code_the_bundle_knows_is_named_with_whose_it_is() {
        let key = |text: &str| Key::parse(text).unwrap();
        let with_key = |name: &str, text: &str| {
            let account = OtpAuth::new(None, name.into(), key(text));
            Member::new(name.into(), account, OffsetDateTime::UNIX_EPOCH)
        };
        let mut family = Family::default();
        let mut mama = with_key("Mama", "ABCDEFGHIJKLMNOPQRST");
        mama.deletion_code = Some(DeletionCode::parse("91390724").unwrap());
        mama.cancelled = Some(OffsetDateTime::UNIX_EPOCH);
        family.add(mama).unwrap();
        let mut papa = with_key("Papa", "MFRGGZDFMZTWQ2LKNNWG");
        papa.deletion_code = Some(DeletionCode::parse("40172258").unwrap());
        family.add(papa).unwrap();
        let old = key("ABCDEFGHIJKLMNOPQRST");
        let papas = key("MFRGGZDFMZTWQ2LKNNWG");
        let fresh = key("GEZDGNBVGY3TQOJQGEZA");
        assert_eq!(
            family.known_key(&old, "mama"),
            Some(KnownKey::OwnCurrent { cancelled: true })
        );
        assert_eq!(
            family.known_key(&old, "Papa"),
            Some(KnownKey::OtherFormer {
                name: "Mama".into()
            })
        );
        assert_eq!(
            family.known_key(&papas, "Mama"),
            Some(KnownKey::Other {
                name: "Papa".into()
            })
        );
        assert_eq!(family.known_key(&fresh, "Mama"), None);
        assert_eq!(
            family.known_key(&papas, "Én"),
            Some(KnownKey::Other {
                name: "Papa".into()
            })
        );
        // Mama registers again: the old key is in her history; the new one,
        // under way, is hers.
        let new = OtpAuth::new(None, "x".into(), fresh.clone());
        let mama = family.find_mut("Mama").unwrap();
        mama.replace_key(new.to_uri(), new, None, OffsetDateTime::UNIX_EPOCH);
        assert_eq!(family.known_key(&old, "Mama"), Some(KnownKey::OwnFormer));
        assert_eq!(family.known_key(&fresh, "Mama"), None);
        assert_eq!(
            family.known_key(&fresh, "Papa"),
            Some(KnownKey::Other {
                name: "Mama".into()
            })
        );
        // Her old deletion code is in her history; Papa's is his.
        let code = |text: &str| DeletionCode::parse(text).unwrap();
        assert_eq!(
            family.known_deletion_code(&code("9139 0724"), "Mama"),
            Some(KnownDeletionCode::OwnFormer)
        );
        assert_eq!(
            family.known_deletion_code(&code("40172258"), "Mama"),
            Some(KnownDeletionCode::Other {
                name: "Papa".into()
            })
        );
        assert_eq!(family.known_deletion_code(&code("55512345"), "Mama"), None);
    }

    #[test]
    fn names_are_unique_without_regard_to_case() {
        let mut family = Family::default();
        family.add(member("Mama")).unwrap();
        family.add(member("Papa")).unwrap();
        assert_eq!(
            family.add(member(" mama ")),
            Err(FamilyError::DuplicateName("mama".into()))
        );
        assert_eq!(family.add(member("  ")), Err(FamilyError::EmptyName));
        assert_eq!(family.members.len(), 2);
        assert_eq!(family.remove("PAPA").unwrap().name, "Papa");
        assert!(family.find("papa").is_none());
        assert_eq!(
            family.remove("Papa").err(),
            Some(FamilyError::NoSuchMember("Papa".into()))
        );
    }

    #[test]
    fn the_person_running_the_program_is_spoken_to() {
        for name in ["Én", "én", " ÉN ", "Magam", "Me", "myself"] {
            assert_eq!(who(name), "self", "{name}");
        }
        for name in ["Mama", "Papa", "Énók", "Mé", ""] {
            assert_eq!(who(name), "other", "{name}");
        }
        let own = fl!(
            "wizard-code-other-member",
            other = "Mama",
            other_who = "other",
            name = "Én",
            who = "self"
        );
        assert!(
            own.contains("nem a tiéd") && !own.contains("Én kódja"),
            "{own}"
        );
        let theirs = fl!(
            "wizard-code-other-member",
            other = "Én",
            other_who = "self",
            name = "Mama",
            who = "other"
        );
        assert!(
            theirs.starts_with("Ez a saját kódod, nem Mama kódja"),
            "{theirs}"
        );
    }
}
