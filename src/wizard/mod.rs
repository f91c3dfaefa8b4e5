//! The guided registration, step by step as the Hungarian guide
//! (`ugyfelkapu-plusz-utmutato.md`) describes it: for each family member
//! read the QR code from the saved screenshot, check the typed key against
//! it, prove the phone shows the right code, and record the deletion code.
//! Every completed step is saved at once, so an interrupted run continues
//! where it stopped. It talks to the user only through the [`Prompter`].

mod again;
mod watch;

use std::{fs, path::PathBuf, time::Duration};

pub use watch::person_folder;
use watch::{SETTLE, Watch, pictures_in};

use crate::{
    clock::Clock,
    error::{Error, report_to_string},
    family::{DeletionCode, Family, Member, Picture, Stage},
    fl,
    formats::otpauth::{Key, OtpAuth},
    phone_check::confirm_phone_code,
    platform::clean_typed_path,
    prompter::{Prompter, Waited},
    qr::picture::{self, ImageError},
    safe_save,
    secret::SecretString,
    sheet,
    store::{self, StoreError},
    vault::Vault,
};

/// The sheet's file name in the wizard's folder.
pub const SHEET_NAME: &str = "helyreallito-lap.pdf";

/// Answers given up front as flags; each is used once, for the first person,
/// and goes through the same checks as a typed answer.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct Answers {
    /// `--name`.
    pub name: Option<String>,
    /// `--username`.
    pub username: Option<String>,
    /// `--image`.
    pub image: Option<PathBuf>,
    /// `--deletion-code`.
    pub deletion_code: Option<SecretString>,
}

/// Everything but the deletion code, which stays out of debug output.
impl std::fmt::Debug for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answers")
            .field("name", &self.name)
            .field("username", &self.username)
            .field("image", &self.image)
            .finish_non_exhaustive()
    }
}

/// The guided registration over an open bundle.
pub struct Wizard<'a, P: Prompter> {
    vault: &'a mut Vault,
    prompter: &'a mut P,
    clock: &'a Clock,
    workspace: PathBuf,
    answers: Answers,
    /// How long an unreadable screenshot must stay still before its error
    /// is shown (tests shorten it).
    settle: Duration,
}

impl<'a, P: Prompter> Wizard<'a, P> {
    /// A wizard saving into `vault`, with screenshot folders in `workspace`.
    pub fn new(
        vault: &'a mut Vault,
        prompter: &'a mut P,
        clock: &'a Clock,
        workspace: PathBuf,
        answers: Answers,
    ) -> Self {
        Wizard {
            vault,
            prompter,
            clock,
            workspace,
            answers,
            settle: SETTLE,
        }
    }

    /// Saves after a step; a failed save is asked about, and the names
    /// and deletion codes are shown before giving up.
    fn save(&mut self) -> Result<(), Error> {
        let now = self.clock.now();
        safe_save::save(
            self.vault,
            self.prompter,
            now,
            &safe_save::names_and_deletion_codes,
        )
    }

    fn member(&self, name: &str) -> &Member {
        self.vault
            .family
            .find(name)
            .expect("the wizard works on a saved member")
    }

    fn member_mut(&mut self, name: &str) -> &mut Member {
        self.vault
            .family
            .find_mut(name)
            .expect("the wizard works on a saved member")
    }

    /// Runs the whole wizard: unfinished people first, then new ones, then
    /// the sheet, the summary and the clean-up.
    pub fn run(&mut self) -> Result<(), Error> {
        self.prompter.say(&fl!(
            "wizard-intro",
            bundle = self.vault.path.display().to_string()
        ));
        let unfinished: Vec<String> = self
            .vault
            .family
            .members
            .iter()
            .filter(|m| m.stage != Stage::Done)
            .map(|m| m.name.clone())
            .collect();
        for name in unfinished {
            let step = match self.member(&name).stage {
                Stage::KeyRead => fl!("wizard-resume-step-key"),
                Stage::KeyChecked => fl!("wizard-resume-step-phone"),
                _ => fl!("wizard-resume-step-deletion"),
            };
            if self.prompter.confirm(
                &fl!("wizard-resume", name = name.as_str(), step = step),
                true,
            )? {
                self.continue_member(&name)?;
            }
        }
        let mut first = true;
        loop {
            let question = if first && self.vault.family.members.is_empty() {
                None
            } else if first {
                Some(fl!("wizard-add-someone"))
            } else {
                Some(fl!("wizard-next-person"))
            };
            if let Some(question) = question
                && !self.prompter.confirm(&question, first)?
            {
                break;
            }
            first = false;
            self.new_person()?;
        }
        self.finish()
    }

    /// Step 1 and 2 for a new person, then the rest.
    fn new_person(&mut self) -> Result<(), Error> {
        // Step 1: who is it?
        let name = loop {
            let typed = match self.answers.name.take() {
                Some(name) => name,
                None => self.prompter.input(&fl!("wizard-ask-name"), None, false)?,
            };
            let typed = typed.trim().to_owned();
            if typed.is_empty() {
                self.prompter.say(&fl!("err-name-empty"));
            } else if self.vault.family.find(&typed).is_some() {
                self.prompter
                    .say(&fl!("err-name-taken", name = typed.as_str()));
            } else {
                break typed;
            }
        };
        let username = match self.answers.username.take() {
            Some(username) => username,
            None => self.prompter.input(
                &fl!("wizard-ask-username", name = name.as_str()),
                None,
                true,
            )?,
        };
        let username = Some(username.trim().to_owned()).filter(|u| !u.is_empty());
        self.prompter.pause(&fl!(
            "wizard-step-1",
            name = name.as_str(),
            username = username.clone().unwrap_or_else(|| name.clone())
        ))?;

        // Step 2: the screenshot.
        let (uri, account, picture) = self.read_picture(&name)?;
        let mut member = Member::new(name.clone(), account, self.clock.now());
        member.original_uri = uri;
        member.picture = Some(picture);
        member.username = username;
        member.stage = Stage::KeyRead;
        self.vault.family.add(member)?;
        self.save()?;
        self.continue_member(&name)
    }

    /// Steps 2 (again, when stale) to 8 for a saved person, from their stage.
    fn continue_member(&mut self, name: &str) -> Result<(), Error> {
        loop {
            match self.member(name).stage {
                Stage::KeyRead => {
                    // Step 3: the typed key must be the QR code's key.
                    if self.check_typed_key(name)? {
                        self.member_mut(name).stage = Stage::KeyChecked;
                    } else {
                        let (uri, account, picture) = self.read_picture(name)?;
                        let member = self.member_mut(name);
                        member.original_uri = uri;
                        member.account = account;
                        member.picture = Some(picture);
                    }
                    self.save()?;
                }
                Stage::KeyChecked => {
                    // Step 4: scan with the phone; step 5: its code.
                    let entry = self.member(name).entry_label();
                    self.prompter.pause(&fl!("wizard-step-4", entry = entry))?;
                    self.check_phone_code(name)?;
                    let now = self.clock.now();
                    let member = self.member_mut(name);
                    member.confirmed = Some(now);
                    member.stage = Stage::PhoneConfirmed;
                    // Step 6: saved at once.
                    self.save()?;
                    self.prompter.say(&fl!("wizard-saved", name = name));
                }
                Stage::PhoneConfirmed => {
                    // Step 7: finish on the website, then the deletion code.
                    self.prompter.pause(&fl!("wizard-step-7", name = name))?;
                    let code = self.ask_deletion_code(name)?;
                    let member = self.member_mut(name);
                    member.deletion_code = Some(code);
                    member.stage = Stage::Done;
                    self.save()?;
                    // Step 8: log out before the next person.
                    self.prompter.pause(&fl!("wizard-step-8", name = name))?;
                }
                Stage::Done => return Ok(()),
            }
        }
    }

    /// Step 2: waits for the screenshot in the person's folder (or a typed
    /// path) and reads the QR code from it.
    fn read_picture(&mut self, name: &str) -> Result<(SecretString, OtpAuth, Picture), Error> {
        let folder = person_folder(&self.workspace, name);
        // Made private before the person is told to save keys into it.
        store::create_private_dir(&folder).map_err(|error| {
            Error::Store(StoreError::Write {
                path: folder.clone(),
                error,
            })
        })?;
        let mut watch = Watch::new(&folder, self.settle);
        let mut given = self.answers.image.take();
        let mut announce = true;
        loop {
            let path = match given.take() {
                Some(path) => path,
                None => {
                    if announce {
                        self.prompter.say(&fl!(
                            "wizard-step-2",
                            name = name,
                            platform = crate::platform::KIND,
                            folder = folder.display().to_string()
                        ));
                    }
                    announce = true;
                    match self
                        .prompter
                        .wait_for(&fl!("wizard-waiting"), &mut || watch.check())?
                    {
                        Waited::Found(path) => path,
                        Waited::Typed(typed) if typed.trim().is_empty() => continue,
                        Waited::Typed(typed) => clean_typed_path(&typed),
                    }
                }
            };
            let read = picture::read_file(&path).and_then(|bytes| {
                picture::account_in_picture(bytes.expose(), &path).map(|found| (found, bytes))
            });
            match read {
                Ok(((uri, account), bytes)) => {
                    self.prompter.say(&fl!(
                        "wizard-read-qr",
                        file = path.display().to_string(),
                        issuer = account.issuer.clone().unwrap_or_default(),
                        account = account.account.as_str()
                    ));
                    let file_name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    return Ok((uri, account, Picture { file_name, bytes }));
                }
                // A picture still being written reads as damaged: wait for
                // it to change or settle before saying anything.
                Err(error)
                    if watch.watches(&path)
                        && !matches!(error.kind, ImageError::NotOtpauth(_))
                        && !watch.did_not_read(&path) =>
                {
                    announce = false;
                }
                Err(error) => self.prompter.say(&report_to_string(&error.into())),
            }
        }
    }

    /// Step 3: `true` when the typed key matches or the user skips, `false`
    /// when one of them is stale and a fresh screenshot is needed.
    fn check_typed_key(&mut self, name: &str) -> Result<bool, Error> {
        self.prompter.say(&fl!("wizard-step-3"));
        loop {
            let typed = self.prompter.typed_secret(&fl!("wizard-ask-key"))?;
            let typed = typed.expose();
            if typed.trim().is_empty() {
                self.prompter.say(&fl!("wizard-key-skipped"));
                return Ok(true);
            }
            match Key::parse(typed) {
                Ok(key) if key.text() == self.member(name).account.key.text() => {
                    self.prompter.say(&fl!("wizard-key-matches"));
                    return Ok(true);
                }
                Ok(_) => {
                    self.prompter.say(&fl!("wizard-key-stale"));
                    return Ok(false);
                }
                Err(error) => self.prompter.say(&report_to_string(&error.into())),
            }
        }
    }

    /// Step 5: asks for the phone's code until it matches.
    fn check_phone_code(&mut self, name: &str) -> Result<(), Error> {
        let ask = fl!("wizard-ask-code", name = name);
        confirm_phone_code(self.prompter, &self.vault.family, name, &ask, self.clock)
    }

    /// Step 7: the deletion code, read back before it is saved.
    fn ask_deletion_code(&mut self, name: &str) -> Result<DeletionCode, Error> {
        loop {
            let typed = match self.answers.deletion_code.take() {
                Some(code) => code.expose().to_owned(),
                None => self.prompter.input(
                    &fl!("wizard-ask-deletion-code", name = name),
                    None,
                    false,
                )?,
            };
            let code = match DeletionCode::parse(&typed) {
                Ok(code) => code,
                Err(error) => {
                    self.prompter.say(&report_to_string(&error.into()));
                    continue;
                }
            };
            if !code.has_usual_length() {
                self.prompter.say(&fl!(
                    "warn-deletion-code-length",
                    length = code.digits().expose().len().to_string()
                ));
            }
            if self.prompter.confirm(
                &fl!("wizard-deletion-code-readback", code = code.grouped()),
                code.has_usual_length(),
            )? {
                return Ok(code);
            }
        }
    }

    /// The end: the sheet, a summary of who is done, the screenshots.
    fn finish(&mut self) -> Result<(), Error> {
        if self.vault.family.members.is_empty() {
            return Ok(());
        }
        let path = self.workspace.join(SHEET_NAME);
        sheet::write(&self.vault.family, &path, self.clock.now())?;
        self.prompter
            .say(&fl!("wizard-sheet", file = path.display().to_string()));
        self.prompter.say(&summary(&self.vault.family));
        let pictures: Vec<PathBuf> = self
            .vault
            .family
            .members
            .iter()
            .flat_map(|m| pictures_in(&person_folder(&self.workspace, &m.name)))
            .collect();
        if !pictures.is_empty()
            && self.prompter.confirm(
                &fl!("wizard-delete-pictures", count = pictures.len().to_string()),
                true,
            )?
        {
            for picture in &pictures {
                let _ = fs::remove_file(picture);
            }
            self.prompter.say(&fl!("wizard-pictures-deleted"));
        }
        Ok(())
    }
}

/// Who is done and who is missing what.
pub fn summary(family: &Family) -> String {
    let mut lines = vec![fl!("wizard-summary-title")];
    for member in &family.members {
        let state = match member.stage {
            Stage::Done if member.deletion_code.is_some() && member.confirmed.is_some() => {
                fl!("wizard-summary-done")
            }
            Stage::Done if member.confirmed.is_none() => fl!("wizard-summary-unconfirmed"),
            Stage::Done => fl!("wizard-summary-no-deletion-code"),
            Stage::KeyRead | Stage::KeyChecked => fl!("wizard-summary-unconfirmed"),
            Stage::PhoneConfirmed => fl!("wizard-summary-no-deletion-code"),
        };
        lines.push(format!("  {:<20} {state}", member.name));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    use std::path::Path;

    use crate::{
        formats::otpauth::Key,
        phone_check::time_bar,
        prompter::{PromptError, Scripted},
        qr::draw,
        totp,
        vault::{Access, Keys},
    };

    const PASSPHRASE: &str = "kert-alma-hegy-tavasz-77";

    #[test]
    fn the_screenshot_advice_fits_the_platform() {
        let shown = |platform: &str| {
            fl!(
                "wizard-step-2",
                name = "Mama",
                platform = platform,
                folder = "/x/kapukulcs"
            )
        };
        let other = shown("other");
        assert!(
            other.contains(
                "\n  • Használd a Képmetszőt (Windows + Shift + S) vagy a Print Screen gombot.\n  • Mentsd a képet ebbe a mappába:\n    → /x/kapukulcs\n"
            ),
            "{other}"
        );
        let windows = shown("windows");
        assert!(
            windows.contains("\n  • Nyomd meg a Windows + Shift + S billentyűket (Képmetsző)"),
            "{windows}"
        );
        assert!(windows.contains("Ctrl + S"), "{windows}");
        let macos = shown("macos");
        assert!(
            macos.contains("\n  • Nyomd meg a Cmd + Shift + 4"),
            "{macos}"
        );
        assert!(!macos.contains("Windows"), "{macos}");
    }
    /// 20 seconds into a 30-second window: 10 seconds left.
    const T0: i64 = 1_700_000_000 + 20 - 1_700_000_000 % 30;

    struct Person {
        name: &'static str,
        username: &'static str,
        account: OtpAuth,
    }

    fn person(name: &'static str, username: &'static str, seed: u8) -> Person {
        let key = Key::from_bytes((0..12).map(|b| b * 13 + seed).collect());
        let account = OtpAuth::new(Some("Ügyfélkapu+".into()), username.into(), key);
        Person {
            name,
            username,
            account,
        }
    }

    fn family() -> [Person; 3] {
        [
            person("Én", "kovacs.peter", 1),
            person("Mama", "kovacs.maria", 2),
            person("Papa", "kovacs.janos", 3),
        ]
    }

    fn picture(account: &OtpAuth) -> Vec<u8> {
        draw::png(&account.to_uri(), 6).unwrap().expose().to_vec()
    }

    fn code(account: &OtpAuth, at: i64) -> String {
        totp::generate(account, at as u64)
    }

    struct Setup {
        dir: tempfile::TempDir,
    }

    impl Setup {
        fn new() -> Setup {
            Setup {
                dir: tempfile::tempdir().unwrap(),
            }
        }
        fn bundle(&self) -> PathBuf {
            self.dir.path().join("mentes.age")
        }
        fn workspace(&self) -> PathBuf {
            self.dir.path().join("kapukulcs")
        }
        fn drop_for(&self, name: &str, bytes: Vec<u8>) -> (PathBuf, Vec<u8>) {
            (
                person_folder(&self.workspace(), name).join("Képernyőkép.png"),
                bytes,
            )
        }
        /// Runs the wizard with `prompter`; the clock stands at `start` and
        /// moves on only while the wizard counts down.
        fn run(&self, prompter: &mut Scripted, start: i64) -> Result<(), Error> {
            self.run_with(prompter, start, SETTLE, |_| ())
        }
        /// [`Setup::run`] with the settle time of unreadable pictures, and
        /// `meddle` called on the open bundle before the wizard starts.
        fn run_with(
            &self,
            prompter: &mut Scripted,
            start: i64,
            settle: Duration,
            meddle: impl FnOnce(&Path),
        ) -> Result<(), Error> {
            let keys = Keys {
                work_factor: Some(4),
                ..Keys::default()
            };
            let mut vault = Vault::open(&self.bundle(), &keys, prompter, Access::Create)?;
            meddle(&self.bundle());
            let waited = prompter.waited_seconds.clone();
            let clock = Clock::new(move || {
                OffsetDateTime::from_unix_timestamp(start + waited.get() as i64).unwrap()
            });
            let mut wizard = Wizard::new(
                &mut vault,
                prompter,
                &clock,
                self.workspace(),
                Answers::default(),
            );
            wizard.settle = settle;
            wizard.run()
        }
        fn reopen(&self) -> Vault {
            let keys = Keys {
                work_factor: Some(4),
                ..Keys::default()
            };
            let mut prompter = Scripted {
                secrets: vec![PASSPHRASE.into()],
                ..Scripted::default()
            };
            Vault::open(&self.bundle(), &keys, &mut prompter, Access::Read).unwrap()
        }
    }

    fn new_bundle_prompter() -> Scripted {
        Scripted {
            secrets: vec![PASSPHRASE.into(), PASSPHRASE.into()],
            ..Scripted::default()
        }
    }

    #[test]
    fn happy_path_for_three_people() {
        let setup = Setup::new();
        let people = family();
        let mut prompter = new_bundle_prompter();
        for (index, p) in people.iter().enumerate() {
            prompter
                .drops
                .push(setup.drop_for(p.name, picture(&p.account)));
            // name, username, typed key (skipped for the last), phone code, deletion code
            let key = if index < 2 {
                p.account.key.grouped().expose().to_lowercase()
            } else {
                String::new()
            };
            prompter.inputs.extend([
                p.name.into(),
                p.username.into(),
                key,
                code(&p.account, T0),
                format!("9139 072{index}"),
            ]);
            prompter.confirms.push(true); // the deletion code read back
            prompter.confirms.push(index < 2); // another person?
        }
        prompter.confirms.push(true); // delete the screenshots
        setup.run(&mut prompter, T0).unwrap();

        let vault = setup.reopen();
        assert_eq!(vault.family.members.len(), 3);
        for (index, (member, p)) in vault.family.members.iter().zip(&people).enumerate() {
            assert_eq!(member.name, p.name);
            assert_eq!(member.username.as_deref(), Some(p.username));
            assert!(member.account.key == p.account.key, "{}", p.name);
            assert_eq!(member.stage, Stage::Done);
            assert!(member.confirmed.is_some());
            assert_eq!(
                member.deletion_code.as_ref().unwrap().digits().expose(),
                format!("9139072{index}")
            );
            assert_eq!(
                member.picture.as_ref().unwrap().file_name,
                "Képernyőkép.png"
            );
        }
        assert!(setup.workspace().join(SHEET_NAME).is_file());
        assert!(
            prompter
                .shown
                .iter()
                .any(|s| s == &fl!("wizard-key-skipped"))
        );
        assert_eq!(
            prompter
                .shown
                .iter()
                .filter(|s| *s == &fl!("wizard-key-matches"))
                .count(),
            2
        );
        // The screenshots were deleted at the end; the bundle keeps them.
        assert!(pictures_in(&person_folder(&setup.workspace(), "Mama")).is_empty());
        // The folders the screenshots go into are readable by the person alone.
        #[cfg(unix)]
        for folder in [setup.workspace(), person_folder(&setup.workspace(), "Mama")] {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", folder.display());
        }
        // No key was ever shown.
        for p in &people {
            let key = p.account.key.text().expose().to_owned();
            assert!(
                !prompter.shown.iter().any(|s| s.contains(&key)),
                "{} was shown",
                p.name
            );
        }
    }

    /// Runs one person up to the phone code with `codes` typed in turn, then
    /// stops (the script runs out, as a Ctrl-C would).
    fn diagnose(codes: impl Fn(&[Person]) -> Vec<String>, start: i64) -> Scripted {
        let setup = Setup::new();
        let people = family();
        // Mama is already saved, so her code can be recognised.
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for("Mama", picture(&people[1].account)));
        prompter.inputs.extend([
            "Mama".into(),
            "kovacs.maria".into(),
            String::new(),
            code(&people[1].account, start),
        ]);
        prompter.inputs.push("12345678".into());
        prompter.confirms.extend([true, true]);
        let _ = setup.run(&mut prompter, start);
        let mut prompter = Scripted {
            secrets: vec![PASSPHRASE.into()],
            ..Scripted::default()
        };
        prompter.confirms.push(true); // add someone
        prompter
            .drops
            .push(setup.drop_for("Papa", picture(&people[2].account)));
        prompter
            .inputs
            .extend(["Papa".into(), "kovacs.janos".into(), String::new()]);
        prompter.inputs.extend(codes(&people));
        let result = setup.run(&mut prompter, start);
        assert!(
            matches!(result, Err(Error::Prompt(PromptError::Cancelled))),
            "the script should run out"
        );
        prompter
    }

    #[test]
    fn every_wrong_code_gets_its_diagnosis() {
        type Codes = Box<dyn Fn(&[Person]) -> Vec<String>>;
        let cases: Vec<(&str, Codes, String)> = vec![
            (
                "ahead",
                Box::new(|p: &[Person]| vec![code(&p[2].account, T0 + 95)]),
                fl!("wizard-clock-ahead", seconds = "90"),
            ),
            (
                "behind",
                Box::new(|p: &[Person]| vec![code(&p[2].account, T0 - 125)]),
                fl!("wizard-clock-behind", seconds = "120"),
            ),
            (
                "other",
                Box::new(|p: &[Person]| vec![code(&p[1].account, T0 + 3)]),
                fl!("wizard-code-other-member", other = "Mama", name = "Papa"),
            ),
            (
                "stale",
                Box::new(|_: &[Person]| vec![code(&person("X", "x", 9).account, T0 + 3)]),
                fl!("wizard-code-stale-key"),
            ),
            (
                "format",
                Box::new(|_: &[Person]| vec!["12a456".into()]),
                fl!("wizard-code-format", digits = "6"),
            ),
        ];
        for (label, codes, expected) in cases {
            let prompter = diagnose(codes, T0);
            assert!(
                prompter.shown.contains(&expected),
                "{label}: {:?}",
                prompter.shown
            );
            assert!(
                !prompter.shown.contains(&fl!("wizard-code-ok")),
                "{label}: a wrong code was accepted"
            );
        }
    }

    #[test]
    fn too_little_time_left_waits_for_the_next_code() {
        // 3 seconds left in the window.
        let start = T0 + 7;
        let prompter = diagnose(|_| Vec::new(), start);
        assert!(
            prompter
                .shown
                .contains(&fl!("wizard-wait-next-code", seconds = "3")),
            "{:?}",
            prompter.shown
        );
        assert_eq!(prompter.waited_seconds.get(), 3);
        assert!(
            prompter.shown.iter().any(|s| s.contains("30 mp")),
            "{:?}",
            prompter.shown
        );
    }

    #[test]
    fn stale_typed_key_asks_for_a_fresh_screenshot() {
        let setup = Setup::new();
        let people = family();
        let old = person("Mama", "kovacs.maria", 7);
        let mut prompter = new_bundle_prompter();
        // The screenshot is old; the typed key is the new one.
        prompter
            .drops
            .push(setup.drop_for("Mama", picture(&old.account)));
        let (path, _) = setup.drop_for("Mama", Vec::new());
        prompter
            .drops
            .push((path.with_file_name("uj.png"), picture(&people[1].account)));
        let typed = people[1].account.key.text().expose().to_owned();
        prompter.inputs.extend([
            "Mama".into(),
            "kovacs.maria".into(),
            typed.clone(),
            typed,
            code(&people[1].account, T0),
            "91390724".into(),
        ]);
        prompter.confirms.extend([true, false, false]);
        setup.run(&mut prompter, T0).unwrap();
        assert!(prompter.shown.contains(&fl!("wizard-key-stale")));
        let vault = setup.reopen();
        assert!(
            vault.family.members[0].account.key == people[1].account.key,
            "the fresh key was not kept"
        );
        assert_eq!(
            vault.family.members[0].picture.as_ref().unwrap().file_name,
            "uj.png"
        );
    }

    /// One person from a screenshot to the deletion code, the key skipped.
    fn one_person(prompter: &mut Scripted, p: &Person) {
        prompter.inputs.extend([
            p.name.into(),
            p.username.into(),
            String::new(),
            code(&p.account, T0),
            "91390724".into(),
        ]);
        prompter.confirms.extend([true, false, false]);
    }

    #[test]
    fn a_screenshot_saved_in_two_parts_is_waited_for_not_refused() {
        let setup = Setup::new();
        let p = &family()[1];
        let whole = picture(&p.account);
        let mut prompter = new_bundle_prompter();
        // A slow disk: the first half lands, and the rest a moment later.
        prompter
            .drops
            .push(setup.drop_for(p.name, whole[..whole.len() / 2].to_vec()));
        prompter.drops.push(setup.drop_for(p.name, whole.clone()));
        one_person(&mut prompter, p);
        setup.run(&mut prompter, T0).unwrap();
        let vault = setup.reopen();
        assert!(vault.family.members[0].account.key == p.account.key);
        let file = setup.drop_for(p.name, Vec::new()).0;
        let truncated = fl!("err-image-truncated", file = file.display().to_string());
        assert!(
            !prompter.shown.iter().any(|s| s.contains(&truncated)),
            "the half-written picture was reported: {:?}",
            prompter.shown
        );
        // Step 2 was said once: the person was not asked for a new picture.
        let step_2 = prompter
            .shown
            .iter()
            .filter(|s| s.contains(&fl!("wizard-waiting")))
            .count();
        assert_eq!(step_2, 2, "{:?}", prompter.shown);
        assert_eq!(
            prompter
                .shown
                .iter()
                .filter(|s| s.starts_with(&fl!(
                    "wizard-step-2",
                    name = p.name,
                    platform = crate::platform::KIND,
                    folder = person_folder(&setup.workspace(), p.name)
                        .display()
                        .to_string()
                )))
                .count(),
            1
        );
    }

    #[test]
    fn a_screenshot_that_stays_damaged_gets_its_message() {
        let setup = Setup::new();
        let p = &family()[1];
        let whole = picture(&p.account);
        let elsewhere = setup.dir.path().join("jo.png");
        fs::write(&elsewhere, &whole).unwrap();
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for(p.name, whole[..whole.len() / 2].to_vec()));
        prompter.typed.push(elsewhere.display().to_string());
        one_person(&mut prompter, p);
        setup
            .run_with(&mut prompter, T0, Duration::ZERO, |_| ())
            .unwrap();
        let file = setup.drop_for(p.name, Vec::new()).0;
        let truncated = fl!("err-image-truncated", file = file.display().to_string());
        assert!(
            prompter.shown.iter().any(|s| s.contains(&truncated)),
            "{:?}",
            prompter.shown
        );
        assert!(setup.reopen().family.members[0].account.key == p.account.key);
    }

    /// A bundle path that cannot be written once the wizard runs: a folder
    /// now stands where the file should go.
    fn block_saving(bundle: &Path) {
        fs::create_dir(bundle).unwrap();
    }

    #[test]
    fn a_failed_save_is_asked_about_and_saved_elsewhere() {
        let setup = Setup::new();
        let p = &family()[1];
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for(p.name, picture(&p.account)));
        one_person(&mut prompter, p);
        let other = setup.dir.path().join("pendrive");
        fs::create_dir(&other).unwrap();
        // Try again (it fails again), then save into another folder.
        prompter.selections.extend([0, 1]);
        prompter.inputs.insert(2, other.display().to_string());
        setup
            .run_with(&mut prompter, T0, SETTLE, block_saving)
            .unwrap();
        let asked = prompter
            .asked
            .iter()
            .filter(|q| *q == &fl!("save-failed-title"))
            .count();
        assert_eq!(asked, 2, "{:?}", prompter.asked);
        // Everything, the deletion code included, is in the new place.
        let moved = other.join(crate::vault::DEFAULT_FILE_NAME);
        let keys = Keys {
            work_factor: Some(4),
            ..Keys::default()
        };
        let mut reader = Scripted {
            secrets: vec![PASSPHRASE.into()],
            ..Scripted::default()
        };
        let vault = Vault::open(&moved, &keys, &mut reader, Access::Read).unwrap();
        let member = &vault.family.members[0];
        assert_eq!(member.stage, Stage::Done);
        assert_eq!(
            member.deletion_code.as_ref().unwrap().digits().expose(),
            "91390724"
        );
    }

    #[test]
    fn a_failed_save_can_show_what_would_be_lost() {
        let setup = Setup::new();
        let p = &family()[1];
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for(p.name, picture(&p.account)));
        one_person(&mut prompter, p);
        prompter.selections.push(2);
        let error = setup
            .run_with(&mut prompter, T0, SETTLE, block_saving)
            .unwrap_err();
        assert!(
            matches!(error, Error::Store(StoreError::Write { .. })),
            "{error:?}"
        );
        let lost = fl!("save-lost-member", name = p.name, username = p.username);
        assert!(
            prompter.shown.iter().any(|s| s.contains(&lost)),
            "{:?}",
            prompter.shown
        );
    }

    #[test]
    fn what_would_be_lost_names_each_deletion_code() {
        let family = crate::vault::bundle::tests::demo_family();
        let lines = safe_save::names_and_deletion_codes(&family);
        assert_eq!(lines.len(), family.members.len());
        for (line, member) in lines.iter().zip(&family.members) {
            assert!(line.contains(&member.name), "{line}");
            if let Some(code) = &member.deletion_code {
                assert!(line.contains(&code.grouped()), "{line}");
            }
        }
    }

    #[test]
    fn wrong_deletion_codes_are_asked_again() {
        let setup = Setup::new();
        let p = &family()[0];
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for(p.name, picture(&p.account)));
        prompter.inputs.extend([
            p.name.into(),
            String::new(),
            String::new(),
            code(&p.account, T0),
        ]);
        // Letters; then 6 digits, refused at the read-back; then the right one.
        prompter
            .inputs
            .extend(["9139O724".into(), "913907".into(), "9139-0724".into()]);
        prompter.confirms.extend([false, true, false, false]);
        setup.run(&mut prompter, T0).unwrap();
        assert!(
            prompter
                .shown
                .iter()
                .any(|s| s.contains(&fl!("err-deletion-code-digits")))
        );
        assert!(
            prompter
                .shown
                .contains(&fl!("warn-deletion-code-length", length = "6"))
        );
        let vault = setup.reopen();
        assert_eq!(
            vault.family.members[0]
                .deletion_code
                .as_ref()
                .unwrap()
                .digits()
                .expose(),
            "91390724"
        );
    }

    #[test]
    fn an_interrupted_run_continues_where_it_stopped() {
        let p = &family()[1];
        // Inputs up to each step; the script runs out there (Ctrl-C).
        let full: Vec<String> = vec![
            p.name.into(),
            p.username.into(),
            String::new(),
            code(&p.account, T0),
            "91390724".into(),
        ];
        for (stopped_after, stage) in [
            (2, Some(Stage::KeyRead)),
            (3, Some(Stage::KeyChecked)),
            (4, Some(Stage::PhoneConfirmed)),
        ] {
            let setup = Setup::new();
            let mut prompter = new_bundle_prompter();
            prompter
                .drops
                .push(setup.drop_for(p.name, picture(&p.account)));
            prompter
                .inputs
                .extend(full[..stopped_after].iter().cloned());
            assert!(matches!(
                setup.run(&mut prompter, T0),
                Err(Error::Prompt(PromptError::Cancelled))
            ));
            let vault = setup.reopen();
            assert_eq!(
                vault.family.members.first().map(|m| m.stage),
                stage,
                "after {stopped_after} answers"
            );

            // The next run offers to continue and asks only what is missing.
            let mut prompter = Scripted {
                secrets: vec![PASSPHRASE.into()],
                ..Scripted::default()
            };
            prompter.confirms.push(true); // continue?
            prompter
                .inputs
                .extend(full[stopped_after..].iter().cloned());
            prompter.confirms.extend([true, false, false]); // read-back, next person, delete pictures
            setup.run(&mut prompter, T0).unwrap();
            let vault = setup.reopen();
            let member = &vault.family.members[0];
            assert_eq!(member.stage, Stage::Done, "after {stopped_after} answers");
            assert_eq!(
                member.deletion_code.as_ref().unwrap().digits().expose(),
                "91390724"
            );
            let step = match stage.unwrap() {
                Stage::KeyRead => fl!("wizard-resume-step-key"),
                Stage::KeyChecked => fl!("wizard-resume-step-phone"),
                _ => fl!("wizard-resume-step-deletion"),
            };
            assert!(
                prompter
                    .asked
                    .contains(&fl!("wizard-resume", name = p.name, step = step)),
                "{:?}",
                prompter.asked
            );
        }
        // Interrupted before the screenshot: nothing secret was saved, and the
        // next run simply starts with the person again.
        let setup = Setup::new();
        let mut prompter = new_bundle_prompter();
        prompter.inputs.extend(full[..2].iter().cloned());
        assert!(matches!(
            setup.run(&mut prompter, T0),
            Err(Error::Prompt(PromptError::Cancelled))
        ));
        assert!(!setup.bundle().exists());
    }

    #[test]
    fn typed_paths_are_cleaned() {
        assert_eq!(
            clean_typed_path("'/home/x/kép 1.png' "),
            PathBuf::from("/home/x/kép 1.png")
        );
        assert_eq!(
            clean_typed_path("file:///tmp/a.png"),
            PathBuf::from("/tmp/a.png")
        );
        assert_eq!(time_bar(30, 30), format!("[{}]", "█".repeat(20)));
        assert_eq!(
            time_bar(3, 30),
            format!("[{}{}]", "█".repeat(2), "░".repeat(18))
        );
    }
}
