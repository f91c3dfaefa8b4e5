//! The wizard's unit tests: a scripted prompter, a fixed or moving clock,
//! screenshot folders and a clipboard of the test's own.

use super::*;
use time::OffsetDateTime;

use std::{cell::RefCell, fs, path::Path, rc::Rc};

use super::watch::pictures_in;

use super::clipboard::tests::Fake;

use crate::{
    flows::phone_check::time_bar,
    formats::otpauth::Key,
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
            who = "other",
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
    /// The system's screenshot folder, when the test has one.
    screenshots: Option<PathBuf>,
    /// The clipboard, when the test has one.
    clipboard: Option<Fake>,
    /// Every file the wizard opened in the viewer.
    opened: Rc<RefCell<Vec<PathBuf>>>,
    /// `--image`.
    image: Option<PathBuf>,
    /// Whether the viewer fails to start.
    broken_viewer: bool,
}

/// A viewer that notes what it was asked to open.
struct Recorder(Rc<RefCell<Vec<PathBuf>>>);

impl Viewer for Recorder {
    fn open(&mut self, path: &Path) -> io::Result<()> {
        self.0.borrow_mut().push(path.to_path_buf());
        Ok(())
    }
}

/// A viewer that fails as the `open` crate does when the desktop's
/// launcher exits with an error.
struct Broken;

impl Viewer for Broken {
    fn open(&mut self, path: &Path) -> io::Result<()> {
        Err(io::Error::other(format!(
            "Launcher \"gio\" \"open\" \"{}\" failed with ExitStatus(unix_wait_status(1024))",
            path.display()
        )))
    }
}

impl Setup {
    fn new() -> Setup {
        Setup {
            dir: tempfile::tempdir().unwrap(),
            screenshots: None,
            clipboard: None,
            opened: Rc::default(),
            image: None,
            broken_viewer: false,
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
        let answers = Answers {
            image: self.image.clone(),
            ..Answers::default()
        };
        let places = Places {
            screenshot_dirs: self.screenshots.iter().cloned().collect(),
            ..Places::workspace_only(self.workspace())
        };
        let mut wizard = Wizard::new(&mut vault, prompter, &clock, places, answers);
        wizard.settle = settle;
        wizard.clipboard = match &self.clipboard {
            Some(fake) => ClipboardState::Open(Box::new(fake.clone())),
            None => ClipboardState::Unavailable,
        };
        wizard.viewer = if self.broken_viewer {
            Box::new(Broken)
        } else {
            Box::new(Recorder(self.opened.clone()))
        };
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

/// A new bundle and `p` registered: the screenshot dropped into their
/// folder, the name, the username, the key's check skipped, the phone's
/// code and a deletion code typed. The confirmations are the test's.
fn one_registration(setup: &Setup, p: &Person) -> Scripted {
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        String::new(),
        code(&p.account, T0),
        "91390724".into(),
    ]);
    prompter
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
        prompter.confirms.push(false); // the QR code in the terminal
        prompter.confirms.push(true); // the deletion code read back
        prompter.confirms.push(index < 2); // another person?
    }
    // The sheet: made, opened, printed, deleted; then the screenshots.
    prompter.confirms.extend([true, true, true, true, true]);
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
    // The sheet was opened for printing, then deleted as asked.
    let sheet = setup.workspace().join(SHEET_NAME);
    assert_eq!(*setup.opened.borrow(), vec![sheet.clone()]);
    assert!(!sheet.exists());
    assert!(prompter.shown.contains(&fl!(
        "wizard-sheet-deleted",
        file = sheet.display().to_string()
    )));
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
    prompter.confirms.extend([false, true, true]);
    let _ = setup.run(&mut prompter, start);
    let mut prompter = Scripted {
        secrets: vec![PASSPHRASE.into()],
        ..Scripted::default()
    };
    prompter.confirms.extend([true, false]); // add someone; no QR in the terminal
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
            fl!(
                "wizard-code-other-member",
                other = "Mama",
                other_who = "other",
                name = "Papa",
                who = "other"
            ),
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
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
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

/// The questions of one person's run: no QR code in the terminal, the
/// deletion code read back, nobody next, no sheet, the pictures kept.
const ONE_PERSON_CONFIRMS: [bool; 5] = [false, true, false, false, false];

/// One person from a screenshot to the deletion code, the key skipped.
fn one_person(prompter: &mut Scripted, p: &Person) {
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        String::new(),
        code(&p.account, T0),
        "91390724".into(),
    ]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
}

/// Issue 19: a portal QR code whose issuer is not "Ügyfélkapu+" (or
/// missing: no public source shows the real one) is taken and called
/// the Ügyfélkapu+ QR code, never refused or shown with another name;
/// the issuer in the file is kept as it was.
#[test]
fn a_portal_qr_code_with_another_issuer_or_none_is_taken_as_ugyfelkapu() {
    for issuer in [None, Some("NISZ KAÜ")] {
        let setup = Setup::new();
        let mut p = person("Mama", "kovacs.maria", 2);
        p.account.issuer = issuer.map(str::to_owned);
        let mut prompter = new_bundle_prompter();
        prompter
            .drops
            .push(setup.drop_for(p.name, picture(&p.account)));
        one_person(&mut prompter, &p);
        setup.run(&mut prompter, T0).unwrap();
        let read = prompter
            .shown
            .iter()
            .find(|s| s.starts_with("Beolvastam"))
            .expect("the QR code was read");
        assert!(
            read.starts_with("Beolvastam az Ügyfélkapu+ QR-kódot a mappából")
                && read.ends_with("fiók: kovacs.maria"),
            "{read}"
        );
        if let Some(issuer) = issuer {
            assert!(!read.contains(issuer), "{read}");
        }
        let vault = setup.reopen();
        let mama = &vault.family.members[0];
        assert_eq!(mama.stage, Stage::Done);
        assert_eq!(mama.account.issuer.as_deref(), issuer);
    }
}

/// Issue 19: the registration's portal texts. Step 1 warns off the
/// e-mail code button and names the old "Ügyfélkapu" login; step 4 names
/// the real NISZ Hitelesítő by its store ids and says any TOTP app
/// works; the welcome says the formal ways for family use, once.
#[test]
fn the_registration_names_the_buttons_and_the_real_app() {
    let setup = Setup::new();
    let p = &family()[1];
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    one_person(&mut prompter, p);
    setup.run(&mut prompter, T0).unwrap();
    let shown = prompter.shown.join("\n");
    for words in [
        "„Ügyfélkapu+ igénylés e-mailes kóddal” gombra NE kattints",
        "csak jelszavas belépést válaszd, az „Ügyfélkapu” gombot",
        "Bármelyik TOTP-alkalmazás jó",
        "Google Play: hu.innobile.niszauth",
        "App Store: id1603444961",
        "EESZT-meghatalmazás",
        "DÁP (14 éves kortól",
        "https://kau.gov.hu",
    ] {
        assert!(shown.contains(words), "{words} missing:\n{shown}");
    }
    assert_eq!(shown.matches("EESZT-meghatalmazás").count(), 1);
}

/// Issue 19: the deletion code is asked for without spaces and read back
/// as one run of digits, as the portal shows it; another length than 8
/// gets a gentle note and is saved as typed, never refused.
#[test]
fn the_deletion_code_is_read_back_as_the_portal_shows_it_and_any_length_kept() {
    let setup = Setup::new();
    let p = &family()[1];
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        String::new(),
        code(&p.account, T0),
        "9139 0724 1".into(),
    ]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    assert!(
        prompter
            .asked
            .iter()
            .any(|q| q.starts_with("Mama törlőkódja, szóközök nélkül")),
        "{:?}",
        prompter.asked
    );
    assert!(
        prompter
            .asked
            .contains(&fl!("wizard-deletion-code-readback", code = "913907241")),
        "{:?}",
        prompter.asked
    );
    let note = fl!("warn-deletion-code-length", length = "9");
    assert!(prompter.shown.contains(&note), "{:?}", prompter.shown);
    assert!(note.contains("így is jó"), "{note}");
    let vault = setup.reopen();
    assert_eq!(
        vault.family.members[0]
            .deletion_code
            .as_ref()
            .unwrap()
            .digits()
            .expose(),
        "913907241"
    );
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
                who = "other",
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
fn the_login_line_names_the_username_only_when_known() {
    let step_1 = |name: &str, username: Option<&str>| {
        fl!(
            "wizard-step-1",
            name = name,
            who = who(name),
            known = if username.is_some() { "yes" } else { "no" },
            username = username.unwrap_or_default()
        )
    };
    let own = step_1("Én", None);
    assert!(
        own.contains("a saját RÉGI ügyfélkapus felhasználóneveddel és jelszavaddal."),
        "{own}"
    );
    assert!(!own.contains("()") && !own.contains("(Én)"), "{own}");
    let own = step_1("Én", Some("kovacs.peter"));
    assert!(
        own.contains("felhasználóneveddel (kovacs.peter) és jelszavaddal."),
        "{own}"
    );
    let mama = step_1("Mama", None);
    assert!(
        mama.contains("Mama RÉGI ügyfélkapus felhasználónevével és jelszavával."),
        "{mama}"
    );
    let mama = step_1("Mama", Some("kovacs.maria"));
    assert!(
        mama.contains("felhasználónevével (kovacs.maria) és jelszavával."),
        "{mama}"
    );
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
    // No QR in the terminal; the read-back refused, then accepted;
    // nobody next, no sheet, the pictures kept.
    prompter
        .confirms
        .extend([false, false, true, false, false, false]);
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
        prompter.confirms.push(false); // no QR code in the terminal
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
        prompter.selections.push(0); // continue
        prompter
            .inputs
            .extend(full[stopped_after..].iter().cloned());
        if stage != Some(Stage::PhoneConfirmed) {
            prompter.confirms.push(false); // the QR code in the terminal
        }
        // read-back, next person, sheet, pictures
        prompter.confirms.extend([true, false, false, false]);
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
            prompter.asked.contains(&fl!(
                "wizard-resume",
                name = p.name,
                who = "other",
                step = step
            )),
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
fn a_half_finished_or_finished_person_can_be_started_anew_nothing_lost() {
    let setup = Setup::new();
    let people = family();
    let p = &people[1];
    // Mama stops at step 5: her key is read and checked.
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    prompter
        .inputs
        .extend([p.name.into(), p.username.into(), String::new()]);
    prompter.confirms.push(false); // no QR code in the terminal
    assert!(setup.run(&mut prompter, T0).is_err());
    // The next run: start again, with the new QR code the portal shows.
    let fresh = person("Mama", "kovacs.maria", 8);
    let mut prompter = Scripted {
        secrets: vec![PASSPHRASE.into()],
        ..Scripted::default()
    };
    prompter.selections.push(1); // Újrakezdem
    let (path, _) = setup.drop_for("Mama", Vec::new());
    prompter
        .drops
        .push((path.with_file_name("uj.png"), picture(&fresh.account)));
    prompter
        .inputs
        .extend([String::new(), code(&fresh.account, T0), "55512345".into()]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    assert!(prompter.asked.contains(&fl!(
        "wizard-resume",
        name = "Mama",
        who = "other",
        step = fl!("wizard-resume-step-phone")
    )));
    let vault = setup.reopen();
    let mama = &vault.family.members[0];
    assert!(mama.account.key == fresh.account.key);
    assert_eq!(mama.stage, Stage::Done);
    assert_eq!(mama.history.len(), 1);
    assert!(mama.history[0].account.key == p.account.key);

    // Her name typed again for a finished person: redone too.
    let newer = person("Mama", "kovacs.maria", 9);
    let mut prompter = Scripted {
        secrets: vec![PASSPHRASE.into()],
        ..Scripted::default()
    };
    prompter.confirms.push(true); // add someone
    prompter.selections.push(0); // redo Mama
    prompter
        .drops
        .push((path.with_file_name("ujabb.png"), picture(&newer.account)));
    prompter.inputs.extend([
        "mama".into(),
        String::new(),
        code(&newer.account, T0),
        "66612345".into(),
    ]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    assert!(
        prompter
            .asked
            .contains(&fl!("wizard-name-taken", name = "Mama", who = "other")),
        "{:?}",
        prompter.asked
    );
    let vault = setup.reopen();
    assert_eq!(vault.family.members.len(), 1);
    let mama = &vault.family.members[0];
    assert!(mama.account.key == newer.account.key);
    assert_eq!(mama.history.len(), 2);
    assert_eq!(
        mama.history[1].deletion_code.as_ref().unwrap().grouped(),
        "5551 2345"
    );
}

#[test]
fn another_accounts_qr_code_is_warned_about_and_another_persons_key_refused() {
    let setup = Setup::new();
    let people = family();
    // Papa is registered first.
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for("Papa", picture(&people[2].account)));
    one_person(&mut prompter, &people[2]);
    setup.run(&mut prompter, T0).unwrap();
    // Mama's username typed as kovacs.anna: Papa's own screenshot is
    // refused as his; a stranger's (kovacs.jozsef) is warned about and
    // declined; then hers.
    let anna = person("Mama", "kovacs.anna", 5);
    let stranger = person("X", "kovacs.jozsef", 6);
    let (path, _) = setup.drop_for("Mama", Vec::new());
    let mut prompter = Scripted {
        secrets: vec![PASSPHRASE.into()],
        ..Scripted::default()
    };
    prompter.confirms.push(true); // add someone
    for (file, account) in [
        ("papa.png", &people[2].account),
        ("idegen.png", &stranger.account),
        ("anna.png", &anna.account),
    ] {
        prompter
            .drops
            .push((path.with_file_name(file), picture(account)));
    }
    prompter.inputs.extend([
        "Mama".into(),
        "kovacs.anna".into(),
        String::new(),
        code(&anna.account, T0),
        "55512345".into(),
    ]);
    prompter.confirms.push(false); // not her QR code
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    let refused = fl!(
        "wizard-key-known-other",
        other = "Papa",
        other_who = "other",
        name = "Mama",
        who = "other"
    );
    assert_eq!(
        shown_containing(&prompter, &refused),
        1,
        "{:?}",
        prompter.shown
    );
    let warned = fl!(
        "warn-qr-username",
        account = "kovacs.jozsef",
        username = "kovacs.anna",
        name = "Mama",
        who = "other"
    );
    assert_eq!(
        shown_containing(&prompter, &warned),
        1,
        "{:?}",
        prompter.shown
    );
    assert!(
        prompter
            .asked
            .contains(&fl!("prompt-qr-username", name = "Mama", who = "other"))
    );
    let vault = setup.reopen();
    let mama = vault.family.find("Mama").unwrap();
    assert!(mama.account.key == anna.account.key);
}

fn shown_containing(prompter: &Scripted, text: &str) -> usize {
    prompter.shown.iter().filter(|s| s.contains(text)).count()
}

#[test]
fn a_one_character_typo_is_pointed_at_and_asked_again() {
    let setup = Setup::new();
    let p = &family()[1];
    let key = p.account.key.text().expose().to_owned();
    let last = key.chars().last().unwrap();
    let wrong = if last == 'H' { 'G' } else { 'H' };
    let typo = format!("{}{wrong}", &key[..key.len() - 1]);
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    prompter
        .inputs
        .extend([p.name.into(), p.username.into(), typo, key.clone()]);
    prompter
        .inputs
        .extend([code(&p.account, T0), "91390724".into()]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    let told = fl!(
        "wizard-key-typo-wrong",
        position = key.len().to_string(),
        typed = wrong.to_string(),
        expected = last.to_string()
    );
    assert_eq!(
        shown_containing(&prompter, &told),
        1,
        "{:?}",
        prompter.shown
    );
    assert_eq!(
        shown_containing(&prompter, &fl!("wizard-key-typo-again")),
        1
    );
    assert!(!prompter.shown.contains(&fl!("wizard-key-stale")));
    assert!(prompter.shown.contains(&fl!("wizard-key-matches")));
    // Asked again for the key, and never for a new screenshot.
    let asked_key = prompter
        .asked
        .iter()
        .filter(|q| *q == &fl!("wizard-ask-key"))
        .count();
    assert_eq!(asked_key, 2);
    assert_eq!(shown_containing(&prompter, &fl!("wizard-waiting")), 1);
    assert_eq!(setup.reopen().family.members[0].stage, Stage::Done);
}

#[test]
fn look_alike_digits_are_accepted_with_a_note() {
    let setup = Setup::new();
    let key = Key::parse("ABCDEFGHIJKLMNOPQRST").unwrap();
    let p = Person {
        name: "Mama",
        username: "kovacs.maria",
        account: OtpAuth::new(Some("Ügyfélkapu+".into()), "kovacs.maria".into(), key),
    };
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        "a8cd efgh 1jk1 mn0p qrst".into(),
        code(&p.account, T0),
        "91390724".into(),
    ]);
    prompter.confirms.extend(ONE_PERSON_CONFIRMS);
    setup.run(&mut prompter, T0).unwrap();
    for (position, typed, meant) in [
        ("2", "8", "B"),
        ("9", "1", "I"),
        ("12", "1", "L"),
        ("15", "0", "O"),
    ] {
        let note = fl!(
            "wizard-key-look-alike",
            position = position,
            typed = typed,
            meant = meant
        );
        assert!(
            prompter.shown.contains(&note),
            "{note}: {:?}",
            prompter.shown
        );
    }
    assert!(prompter.shown.contains(&fl!("wizard-key-matches")));
    assert!(
        !prompter
            .shown
            .iter()
            .any(|s| s.contains(&fl!("wizard-key-typos")))
    );
    assert_eq!(setup.reopen().family.members[0].stage, Stage::Done);
}

#[test]
fn step_4_shows_the_qr_code_in_the_terminal_and_wipes_it_after_the_scan() {
    let setup = Setup::new();
    let p = &family()[1];
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    // The QR code in the terminal: yes.
    let mut confirms = ONE_PERSON_CONFIRMS;
    confirms[0] = true;
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        p.account.key.text().expose().to_owned(),
        code(&p.account, T0),
        "91390724".into(),
    ]);
    prompter.confirms.extend(confirms);
    setup.run(&mut prompter, T0).unwrap();
    let step_4 = prompter
        .shown
        .iter()
        .position(|s| s.starts_with(&fl!("wizard-step-4", entry = "Mama (kovacs.maria)")))
        .expect("step 4");
    assert!(prompter.shown[step_4].contains("„Inkább kérem a QR-kódot”"));
    assert!(!prompter.shown[step_4].contains("a képernyőn látható QR-kódot"));
    // The very code the phone would get from the page, named already.
    let mut member = Member::new("Mama".into(), p.account.clone(), OffsetDateTime::UNIX_EPOCH);
    member.username = Some(p.username.into());
    let drawing = terminal::render(&member.labelled_account().to_uri()).unwrap();
    let drawn = prompter
        .shown
        .iter()
        .position(|s| s == drawing.expose())
        .expect("the QR code drawn");
    let ready = prompter
        .shown
        .iter()
        .position(|s| s == &fl!("wizard-step-4-ready"))
        .unwrap();
    let cleared = prompter
        .shown
        .iter()
        .position(|s| s == crate::prompter::CLEAR_SCREEN)
        .expect("the screen cleared");
    assert!(step_4 < drawn && drawn < ready && ready < cleared);
    assert_eq!(
        prompter.shown[cleared + 1],
        fl!("wizard-terminal-qr-cleared")
    );
    // Declined, nothing is drawn and nothing cleared.
    let setup = Setup::new();
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    one_person(&mut prompter, p);
    setup.run(&mut prompter, T0).unwrap();
    assert!(
        !prompter
            .shown
            .iter()
            .any(|s| s == crate::prompter::CLEAR_SCREEN)
    );
}

#[test]
fn a_new_picture_in_the_system_screenshot_folder_is_taken_an_old_one_never() {
    let mut setup = Setup::new();
    let people = family();
    let p = &people[1];
    let screenshots = setup.dir.path().join("Képek").join("Képernyőképek");
    fs::create_dir_all(&screenshots).unwrap();
    // Yesterday's screenshot of another key is already there.
    let old = screenshots.join("Képernyőkép régi.png");
    fs::write(&old, picture(&people[2].account)).unwrap();
    setup.screenshots = Some(screenshots.clone());
    let new = screenshots.join("Képernyőkép 2026-01-10.png");
    let mut prompter = new_bundle_prompter();
    prompter.drops.push((new.clone(), picture(&p.account)));
    one_person(&mut prompter, p);
    // …but the pictures are deleted.
    *prompter.confirms.last_mut().unwrap() = true;
    setup.run(&mut prompter, T0).unwrap();
    let vault = setup.reopen();
    assert!(vault.family.members[0].account.key == p.account.key);
    assert!(prompter.shown.contains(&fl!(
        "wizard-watching-screenshots",
        folder = screenshots.display().to_string()
    )));
    assert!(prompter.shown.contains(&fl!(
        "wizard-read-qr",
        from = "screenshots",
        file = new.display().to_string(),
        account = p.username
    )));
    // The picture read is offered for deletion and deleted; the old one
    // was never read and stays.
    assert!(!new.exists());
    assert!(old.exists());
    assert!(
        prompter
            .shown
            .contains(&fl!("wizard-pictures-deleted", count = "1"))
    );
}

#[test]
fn a_new_picture_on_the_clipboard_is_taken_an_old_one_never() {
    let mut setup = Setup::new();
    let people = family();
    let p = &people[1];
    let fake = Fake::with(
        Some(&picture(&people[2].account)),
        Some(&picture(&p.account)),
    );
    setup.clipboard = Some(fake.clone());
    // The sheet cannot be written: folders stand in its place and in
    // the place of every numbered name it could take instead.
    fs::create_dir_all(setup.workspace().join(SHEET_NAME)).unwrap();
    for n in 2..=99 {
        fs::create_dir_all(
            setup
                .workspace()
                .join(format!("helyreallito-lap ({n}).pdf")),
        )
        .unwrap();
    }
    let mut prompter = new_bundle_prompter();
    prompter.inputs.extend([
        p.name.into(),
        p.username.into(),
        String::new(),
        code(&p.account, T0),
        "91390724".into(),
    ]);
    // No QR in the terminal, read-back, nobody next, the sheet (which
    // fails), clear the clipboard.
    prompter.confirms.extend([false, true, false, true, true]);
    setup.run(&mut prompter, T0).unwrap();
    let vault = setup.reopen();
    let member = &vault.family.members[0];
    assert!(
        member.account.key == p.account.key,
        "the old picture was read"
    );
    assert_eq!(
        member.picture.as_ref().unwrap().file_name,
        fl!("wizard-clipboard-file-name")
    );
    assert!(prompter.shown.contains(&fl!("wizard-watching-clipboard")));
    let file = fl!("wizard-clipboard-file-name");
    assert!(prompter.shown.contains(&fl!(
        "wizard-read-qr",
        from = "clipboard",
        file = file,
        account = p.username
    )));
    // A sheet that cannot be written is reported, and the run goes on.
    let sheet = setup.workspace().join(SHEET_NAME);
    assert!(prompter.shown.contains(&fl!(
        "wizard-sheet-failed",
        file = sheet.display().to_string()
    )));
    assert!(!prompter.asked.contains(&fl!("wizard-sheet-open-ask")));
    assert!(prompter.asked.contains(&fl!("wizard-clipboard-clear-ask")));
    assert_eq!(*fake.cleared.borrow(), 1);
    assert!(prompter.shown.contains(&fl!("wizard-clipboard-cleared")));
}

#[test]
fn a_picture_given_by_path_is_offered_for_deletion_and_no_sheet_unasked() {
    let mut setup = Setup::new();
    let p = &family()[1];
    let elsewhere = setup.dir.path().join("Letöltések").join("qr.png");
    fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    fs::write(&elsewhere, picture(&p.account)).unwrap();
    setup.image = Some(elsewhere.clone());
    let mut prompter = new_bundle_prompter();
    one_person(&mut prompter, p);
    *prompter.confirms.last_mut().unwrap() = true;
    setup.run(&mut prompter, T0).unwrap();
    assert!(prompter.shown.contains(&fl!(
        "wizard-sheet-skipped",
        surface = crate::i18n::surface()
    )));
    assert!(!setup.workspace().join(SHEET_NAME).exists());
    let list = prompter
        .shown
        .iter()
        .find(|s| s.starts_with(&fl!("wizard-pictures-list")))
        .expect("the pictures listed");
    assert!(list.contains(&elsewhere.display().to_string()), "{list}");
    assert!(!elsewhere.exists());
    assert!(
        prompter
            .shown
            .contains(&fl!("wizard-pictures-deleted", count = "1"))
    );
}

/// Issue 18: a viewer that does not start is told in words, with the
/// file's place; the launcher's own English never reaches the screen.
#[test]
fn a_viewer_that_does_not_start_is_told_in_words_with_the_file() {
    let setup = Setup {
        broken_viewer: true,
        ..Setup::new()
    };
    let p = &family()[1];
    let sheet = setup.workspace().join(SHEET_NAME);
    let mut prompter = one_registration(&setup, p);
    // No QR in the terminal, read-back, nobody next; the sheet made,
    // opened (which fails), not printed; the screenshot kept.
    prompter
        .confirms
        .extend([false, true, false, true, true, false, false]);
    setup.run(&mut prompter, T0).unwrap();
    let said: Vec<&String> = prompter
        .shown
        .iter()
        .filter(|s| s.contains("PDF"))
        .collect();
    assert!(
        said.iter()
            .all(|s| !s.contains("Launcher") && !s.contains("ExitStatus") && !s.contains("failed")),
        "{said:?}"
    );
    assert!(
        prompter.shown.contains(&fl!(
            "wizard-sheet-open-failed",
            file = sheet.display().to_string()
        )),
        "{:?}",
        prompter.shown
    );
}

#[test]
fn the_printed_sheet_is_deleted_and_a_failed_delete_names_the_file() {
    let setup = Setup::new();
    let p = &family()[1];
    let sheet = setup.workspace().join(SHEET_NAME);
    // An earlier sheet's backup that cannot be deleted: a folder.
    let backup = setup.workspace().join(format!("{SHEET_NAME}.bak"));
    fs::create_dir_all(backup.join("x")).unwrap();
    let mut prompter = one_registration(&setup, p);
    // No QR in the terminal, read-back, nobody next; the sheet made,
    // not opened, printed, deleted; the screenshot kept.
    prompter
        .confirms
        .extend([false, true, false, true, false, true, true, false]);
    setup.run(&mut prompter, T0).unwrap();
    assert!(setup.opened.borrow().is_empty(), "the viewer was opened");
    assert!(!sheet.exists());
    let failed = fl!(
        "wizard-delete-failed",
        file = backup.display().to_string(),
        detail = "x"
    );
    let failed = failed.split(" (").next().unwrap();
    assert_eq!(
        shown_containing(&prompter, failed),
        1,
        "{:?}",
        prompter.shown
    );
    assert!(!prompter.shown.contains(&fl!(
        "wizard-sheet-deleted",
        file = sheet.display().to_string()
    )));
}

#[test]
fn the_own_person_is_spoken_to_in_the_second_person() {
    let setup = Setup::new();
    let p = &family()[0];
    let mut prompter = new_bundle_prompter();
    prompter
        .drops
        .push(setup.drop_for(p.name, picture(&p.account)));
    one_person(&mut prompter, p);
    setup.run(&mut prompter, T0).unwrap();
    // The guide's advice: start with yourself.
    assert_eq!(prompter.defaults[0], Some(fl!("wizard-self-name")));
    let all = [prompter.shown.join("\n"), prompter.asked.join("\n")].join("\n");
    for wrong in [
        "Én ügyfélkapus",
        "Jelentkezz be Én",
        "Írd be Én",
        "Én kulcsa",
        "Én törlőkódja",
        "Én sorában",
        "(Én)",
    ] {
        assert!(!all.contains(wrong), "{wrong}:\n{all}");
    }
    for own in [
        "A saját ügyfélkapus felhasználóneved",
        "Jelentkezz be a saját RÉGI ügyfélkapus felhasználóneveddel (kovacs.peter) és jelszavaddal.",
        "Készíts képet a saját QR-kódodról",
        "a telefon most a saját sorodban mutat",
        "A kulcsod ellenőrizve és elmentve.",
        "Írd be az ügyfélkapus jelszavadat",
        "A törlőkódod",
    ] {
        assert!(all.contains(own), "{own}:\n{all}");
    }
    // Bullets keep their indentation under the chosen heading.
    assert!(
        all.contains("\n  • Írd be az ügyfélkapus jelszavadat"),
        "{all}"
    );
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
