//! The guided registration, step by step as the Hungarian guide
//! (`ugyfelkapu-plusz-utmutato.md`) describes it: for each family member
//! read the QR code from the saved screenshot, check the typed key against
//! it, prove the phone shows the right code, and record the deletion code;
//! at the end, the printed sheet and the clean-up of every plaintext copy.
//! Every completed step is saved at once, so an interrupted run continues
//! where it stopped. It talks to the user only through the [`Prompter`].

mod again;
mod clipboard;
mod end;
mod watch;

use std::{
    io,
    path::{Path, PathBuf},
    time::Duration,
};

use clipboard::{Clipboard, SystemClipboard};
use end::remember_read;
pub use watch::person_folder;
use watch::{Found, Origin, SETTLE, Sources};

use crate::{
    clock::Clock,
    error::{Error, report_to_string},
    family::{
        DeletionCode, Family, KnownDeletionCode, KnownKey, Member, Picture, Stage, is_self, who,
    },
    fl,
    flows::phone_check::confirm_phone_code,
    flows::safe_save,
    formats::{
        otpauth::{Key, OtpAuth},
        typed_key::{self, Comparison, Typo},
    },
    platform::{self, clean_typed_path},
    prompter::{Prompter, Waited},
    qr::{
        picture::{self, ImageError},
        terminal,
    },
    secret::SecretString,
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

/// Opens a file for the person to look at and print: the system's viewer,
/// or in tests a recorder, so no test ever launches a program.
pub trait Viewer {
    /// Opens `path`; returns once the viewer is started.
    fn open(&mut self, path: &Path) -> io::Result<()>;
}

/// The system's viewer for the file's type.
struct SystemViewer;

impl Viewer for SystemViewer {
    fn open(&mut self, path: &Path) -> io::Result<()> {
        platform::open_in_viewer(path)
    }
}

/// Where the wizard looks for a new screenshot: the person's folders in
/// `workspace`, the system's screenshot folders and the clipboard. The
/// commands watch the system's ([`Places::system`]); a test passes only
/// folders of its own, so it never reads the person's screenshots or
/// clipboard.
#[derive(Debug, Clone)]
pub struct Places {
    /// The folder holding each person's screenshot folder.
    pub workspace: PathBuf,
    /// The system's screenshot folders, watched besides the person's own.
    pub screenshot_dirs: Vec<PathBuf>,
    /// Whether a picture copied to the clipboard is taken.
    pub clipboard: bool,
}

impl Places {
    /// The person's folders in `workspace`, the system's screenshot folders
    /// and the clipboard.
    pub fn system(workspace: PathBuf) -> Self {
        Places {
            workspace,
            screenshot_dirs: platform::screenshot_dirs(),
            clipboard: true,
        }
    }

    /// The person's folders in `workspace` only.
    pub fn workspace_only(workspace: PathBuf) -> Self {
        Places {
            workspace,
            screenshot_dirs: Vec::new(),
            clipboard: false,
        }
    }
}

/// The clipboard, opened the first time a picture is waited for.
enum ClipboardState {
    Unopened,
    Open(Box<dyn Clipboard>),
    Unavailable,
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
    /// The system's screenshot folders, watched besides the person's own.
    screenshot_dirs: Vec<PathBuf>,
    clipboard: ClipboardState,
    viewer: Box<dyn Viewer>,
    /// Picture files this run read a key from, wherever they were: offered
    /// for deletion at the end.
    read_files: Vec<PathBuf>,
    /// Whether a key came from the clipboard (it is offered for clearing).
    clipboard_used: bool,
    /// Whether a run ended now says what was saved and that `beallitas`
    /// continues from there (the whole wizard; not a single redo).
    farewell: bool,
}

impl<'a, P: Prompter> Wizard<'a, P> {
    /// A wizard saving into `vault`, watching for screenshots in `places`.
    pub fn new(
        vault: &'a mut Vault,
        prompter: &'a mut P,
        clock: &'a Clock,
        places: Places,
        answers: Answers,
    ) -> Self {
        Wizard {
            vault,
            prompter,
            clock,
            workspace: places.workspace,
            answers,
            settle: SETTLE,
            screenshot_dirs: places.screenshot_dirs,
            clipboard: if places.clipboard {
                ClipboardState::Unopened
            } else {
                ClipboardState::Unavailable
            },
            viewer: Box::new(SystemViewer),
            read_files: Vec::new(),
            clipboard_used: false,
            farewell: false,
        }
    }

    /// Saves after a step; a failed save is asked about, and the names
    /// and deletion codes are shown before giving up.
    fn save(&mut self) -> Result<(), Error> {
        safe_save::save_family(self.vault, self.prompter, self.clock.now())?;
        self.say_farewell(None);
        Ok(())
    }

    /// What a run ended now (Ctrl-C, the window closed) says: who is saved
    /// how far, who is not saved at all (`unsaved`, a person whose key is
    /// not read yet), and that the next run continues from there.
    fn say_farewell(&self, unsaved: Option<&str>) {
        if !self.farewell {
            return;
        }
        let mut lines = vec![fl!(
            "interrupt-saved",
            file = platform::plain_path(&self.vault.path).display().to_string()
        )];
        if !self.vault.family.members.is_empty() {
            let summary = summary(&self.vault.family);
            lines.extend(summary.lines().skip(1).map(str::to_owned));
        }
        if let Some(name) = unsaved {
            lines.push(fl!("interrupt-unsaved", name = name, who = who(name)));
        }
        lines.push(fl!("interrupt-next-run", surface = crate::i18n::surface()));
        crate::interrupt::set_farewell(Some(lines.join("\n")));
    }

    /// Whether "Én" (the person running the program) is in the bundle
    /// yet: `missing` while the guide's "start with yourself" still
    /// stands, `saved` after.
    fn self_state(&self) -> &'static str {
        if self.vault.family.members.iter().any(|m| is_self(&m.name)) {
            "saved"
        } else {
            "missing"
        }
    }

    /// Runs the whole wizard: unfinished people first, then new ones, then
    /// the sheet, the summary and the clean-up.
    pub fn run(&mut self) -> Result<(), Error> {
        self.prompter.say(&fl!(
            "wizard-intro",
            bundle = self.vault.path.display().to_string(),
            yourself = self.self_state()
        ));
        self.prompter.say(&fl!("wizard-family-note"));
        self.farewell = true;
        self.say_farewell(None);
        let unfinished: Vec<String> = self
            .vault
            .family
            .members
            .iter()
            .filter(|m| m.stage != Stage::Done)
            .map(|m| m.name.clone())
            .collect();
        for name in unfinished {
            let step = match self.vault.family.saved(&name).stage {
                Stage::KeyRead => fl!("wizard-resume-step-key"),
                Stage::KeyChecked => fl!("wizard-resume-step-phone"),
                _ => fl!("wizard-resume-step-deletion"),
            };
            // Continue, start this person anew (the half-finished key goes
            // into the history), or leave them for later.
            let choices = [
                fl!("wizard-resume-continue"),
                fl!("wizard-resume-restart"),
                fl!("wizard-resume-skip"),
            ];
            let question = fl!(
                "wizard-resume",
                name = name.as_str(),
                who = who(&name),
                step = step
            );
            match self.prompter.select(&question, &choices, 0)? {
                0 => self.continue_member(&name)?,
                1 => self.start_anew(&name)?,
                _ => {}
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
        self.finish()?;
        // Everyone is saved; what ends the run now is said by its caller.
        crate::interrupt::set_farewell(None);
        Ok(())
    }

    /// Step 1 and 2 for a new person, then the rest.
    fn new_person(&mut self) -> Result<(), Error> {
        // Step 1: who is it? The guide starts with yourself, so until
        // someone is "Én", that is the suggested answer.
        let suggestion = (self.self_state() == "missing").then(|| fl!("wizard-self-name"));
        let name = loop {
            let typed = match self.answers.name.take() {
                Some(name) => name,
                None => self.prompter.input(
                    &fl!("wizard-ask-name", yourself = self.self_state()),
                    suggestion.as_deref(),
                    false,
                )?,
            };
            let typed = typed.trim().to_owned();
            if typed.is_empty() {
                self.prompter.say(&fl!("err-name-empty"));
            } else if let Some(member) = self.vault.family.find(&typed) {
                // The same name again: the person is redone (their data
                // goes into the history), or another name is typed.
                let name = member.name.clone();
                let choices = [
                    fl!(
                        "wizard-name-taken-redo",
                        name = name.as_str(),
                        who = who(&name)
                    ),
                    fl!("wizard-name-taken-other"),
                ];
                let question = fl!("wizard-name-taken", name = name.as_str(), who = who(&name));
                if self.prompter.select(&question, &choices, 0)? == 0 {
                    return self.start_anew(&name);
                }
            } else {
                break typed;
            }
        };
        let username = match self.answers.username.take() {
            Some(username) => username,
            None => self.prompter.input(
                &fl!(
                    "wizard-ask-username",
                    name = name.as_str(),
                    who = who(&name)
                ),
                None,
                true,
            )?,
        };
        let username = Some(username.trim().to_owned()).filter(|u| !u.is_empty());
        self.say_farewell(Some(&name));
        self.prompter.pause(&fl!(
            "wizard-step-1",
            name = name.as_str(),
            who = who(&name),
            known = if username.is_some() { "yes" } else { "no" },
            username = username.clone().unwrap_or_default()
        ))?;

        // Step 2: the screenshot.
        let (uri, account, picture) = self.read_picture(&name, username.as_deref())?;
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
            match self.vault.family.saved(name).stage {
                Stage::KeyRead => {
                    // Step 3: the typed key must be the QR code's key.
                    if self.check_typed_key(name)? {
                        self.vault.family.saved_mut(name).stage = Stage::KeyChecked;
                    } else {
                        let username = self.vault.family.saved(name).username.clone();
                        let (uri, account, picture) =
                            self.read_picture(name, username.as_deref())?;
                        let member = self.vault.family.saved_mut(name);
                        member.original_uri = uri;
                        member.account = account;
                        member.picture = Some(picture);
                    }
                    self.save()?;
                }
                Stage::KeyChecked => {
                    // Step 4: scan with the phone; step 5: its code.
                    self.scan_with_phone(name)?;
                    self.check_phone_code(name)?;
                    let now = self.clock.now();
                    let member = self.vault.family.saved_mut(name);
                    member.confirmed = Some(now);
                    member.stage = Stage::PhoneConfirmed;
                    // Step 6: saved at once.
                    self.save()?;
                    self.prompter
                        .say(&fl!("wizard-saved", name = name, who = who(name)));
                }
                Stage::PhoneConfirmed => {
                    // Step 7: finish on the website, then the deletion code.
                    self.prompter
                        .pause(&fl!("wizard-step-7", name = name, who = who(name)))?;
                    let code = self.ask_deletion_code(name)?;
                    let member = self.vault.family.saved_mut(name);
                    member.deletion_code = Some(code);
                    member.stage = Stage::Done;
                    self.save()?;
                    // Step 8: log out before the next person.
                    self.prompter
                        .pause(&fl!("wizard-step-8", name = name, who = who(name)))?;
                }
                Stage::Done => return Ok(()),
            }
        }
    }

    /// Step 4: the phone scans the QR code. After step 3 the page shows the
    /// characters instead, so the person is told how to bring the code
    /// back, and the program offers to draw the same code in the terminal
    /// (labelled with the entry's name); once scanned it is wiped off the
    /// screen and the scrollback.
    fn scan_with_phone(&mut self, name: &str) -> Result<(), Error> {
        let member = self.vault.family.saved(name);
        let entry = member.entry_label();
        let uri = member.labelled_account().to_uri();
        self.prompter
            .say(&fl!("wizard-step-4", entry = entry.as_str()));
        let drawing = terminal::render(&uri).ok();
        let shown = drawing.is_some()
            && self
                .prompter
                .confirm(&fl!("wizard-terminal-qr-ask"), false)?;
        if let (true, Some(drawing)) = (shown, &drawing) {
            self.prompter
                .say(&fl!("wizard-terminal-qr", entry = entry.as_str()));
            self.prompter.say(drawing.expose());
        }
        let ready = self.prompter.pause(&fl!("wizard-step-4-ready"));
        if shown {
            // Wiped even when the person pressed Ctrl-C at the question.
            self.prompter.clear_screen();
            self.prompter.say(&fl!("wizard-terminal-qr-cleared"));
        }
        ready.map_err(Error::from)
    }

    /// The clipboard, opened on first use.
    fn clipboard(&mut self) -> Option<&mut dyn Clipboard> {
        if matches!(self.clipboard, ClipboardState::Unopened) {
            self.clipboard = match SystemClipboard::open() {
                Some(clipboard) => ClipboardState::Open(clipboard),
                None => ClipboardState::Unavailable,
            };
        }
        match &mut self.clipboard {
            ClipboardState::Open(clipboard) => Some(clipboard.as_mut()),
            _ => None,
        }
    }

    /// Step 2: waits for the screenshot in the person's folder, the
    /// system's screenshot folder or the clipboard (or a typed path) and
    /// reads the QR code from it.
    /// A QR code whose account is not the `username` typed is said, and
    /// taken only when the person confirms it; a key the bundle already
    /// knows is refused.
    fn read_picture(
        &mut self,
        name: &str,
        username: Option<&str>,
    ) -> Result<(SecretString, OtpAuth, Picture), Error> {
        let folder = person_folder(&self.workspace, name);
        // Made private before the person is told to save keys into it.
        store::create_private_dir(&folder).map_err(|error| {
            Error::Store(StoreError::Write {
                path: folder.clone(),
                error,
            })
        })?;
        let screenshot_dirs: Vec<PathBuf> = self
            .screenshot_dirs
            .iter()
            .filter(|dir| **dir != folder)
            .cloned()
            .collect();
        let settle = self.settle;
        self.clipboard();
        let clipboard: Option<&mut dyn Clipboard> = match &mut self.clipboard {
            ClipboardState::Open(clipboard) => Some(clipboard.as_mut()),
            _ => None,
        };
        let has_clipboard = clipboard.is_some();
        let workspace = self.workspace.clone();
        let mut sources = Sources::new(
            &[folder.as_path(), workspace.as_path()],
            &screenshot_dirs,
            settle,
            clipboard,
        );
        let mut given = self
            .answers
            .image
            .take()
            .map(|path| Found::File(path, Origin::Path));
        let mut announce = true;
        loop {
            let found = match given.take() {
                Some(found) => found,
                None => {
                    if announce {
                        self.prompter.say(&fl!(
                            "wizard-step-2",
                            name = name,
                            who = who(name),
                            platform = platform::KIND,
                            folder = folder.display().to_string()
                        ));
                        if has_clipboard {
                            self.prompter.say(&fl!("wizard-watching-clipboard"));
                        }
                        // Named once they exist; watched before that too.
                        let folders: Vec<String> = screenshot_dirs
                            .iter()
                            .filter(|d| d.is_dir())
                            .map(|d| d.display().to_string())
                            .collect();
                        if !folders.is_empty() {
                            self.prompter.say(&fl!(
                                "wizard-watching-screenshots",
                                folder = folders.join(", ")
                            ));
                        }
                    }
                    announce = true;
                    match self
                        .prompter
                        .wait_for(&fl!("wizard-waiting"), &mut || sources.check())?
                    {
                        Waited::Found(found) => found,
                        Waited::Typed(typed) if typed.trim().is_empty() => continue,
                        Waited::Typed(typed) => Found::File(clean_typed_path(&typed), Origin::Path),
                    }
                }
            };
            let (path, origin, read) = match &found {
                Found::File(path, origin) => (path.clone(), *origin, picture::read_file(path)),
                Found::Clipboard(bytes) => (
                    PathBuf::from(fl!("wizard-clipboard-file-name")),
                    Origin::Clipboard,
                    Ok(bytes.clone()),
                ),
            };
            let read = read.and_then(|bytes| {
                picture::account_in_picture(bytes.expose(), &path).map(|found| (found, bytes))
            });
            match read {
                Ok(((uri, account), bytes)) => {
                    self.prompter.say(&fl!(
                        "wizard-read-qr",
                        from = origin.selector(),
                        file = path.display().to_string(),
                        account = account.account.as_str()
                    ));
                    let file_name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    // Offered for deletion at the end even when refused:
                    // it holds a key in the clear all the same.
                    if origin == Origin::Clipboard {
                        self.clipboard_used = true;
                    } else {
                        remember_read(&person_folder(&self.workspace, name), &path);
                        self.read_files.push(path);
                    }
                    // A key the bundle already knows is an old screenshot
                    // or someone else's: never taken as this person's.
                    if let Some(known) = self.vault.family.known_key(&account.key, name) {
                        self.prompter.say(&format!(
                            "{}\n{}",
                            known_key_line(&known, name),
                            fl!("wizard-key-known-next")
                        ));
                        continue;
                    }
                    // Another account's QR code (kovacs.janos read where
                    // kovacs.anna was typed): said, and asked about.
                    if let Some(username) = username
                        && !same_account(&account.account, username)
                    {
                        self.prompter.say(&fl!(
                            "warn-qr-username",
                            account = account.account.as_str(),
                            username = username,
                            name = name,
                            who = who(name)
                        ));
                        if !self.prompter.confirm(
                            &fl!("prompt-qr-username", name = name, who = who(name)),
                            false,
                        )? {
                            self.prompter.say(&fl!("wizard-key-known-next"));
                            continue;
                        }
                    }
                    return Ok((uri, account, Picture { file_name, bytes }));
                }
                // A picture still being written reads as damaged: wait for
                // it to change or settle before saying anything.
                Err(error)
                    if origin != Origin::Clipboard
                        && !matches!(error.kind, ImageError::NotOtpauth(_))
                        && sources
                            .watch_of(&path)
                            .is_some_and(|watch| !watch.did_not_read(&path)) =>
                {
                    announce = false;
                }
                Err(error) => self.prompter.say(&report_to_string(&error.into())),
            }
        }
    }

    /// Step 3: `true` when the typed key matches or the user skips, `false`
    /// when one of them is stale and a fresh screenshot is needed. A few
    /// characters off is a typo: the person is told where and asked again;
    /// digits base32 does not use are read as the letters they resemble.
    fn check_typed_key(&mut self, name: &str) -> Result<bool, Error> {
        self.prompter.say(&fl!("wizard-step-3"));
        loop {
            let typed = self.prompter.typed_secret(&fl!("wizard-ask-key"))?;
            let typed = typed.expose();
            if typed.trim().is_empty() {
                self.prompter.say(&fl!("wizard-key-skipped"));
                return Ok(true);
            }
            let diagnosis = typed_key::compare(typed, &self.vault.family.saved(name).account.key);
            for look_alike in &diagnosis.look_alikes {
                self.prompter.say(&fl!(
                    "wizard-key-look-alike",
                    position = look_alike.position.to_string(),
                    typed = look_alike.typed.to_string(),
                    meant = look_alike.meant.to_string()
                ));
            }
            match diagnosis.comparison {
                Comparison::Same => {
                    self.prompter.say(&fl!("wizard-key-matches"));
                    return Ok(true);
                }
                Comparison::Typos(typos) => {
                    let mut lines = vec![fl!("wizard-key-typos")];
                    lines.extend(typos.iter().map(|typo| format!("  {}", typo_line(typo))));
                    lines.push(fl!("wizard-key-typo-again"));
                    self.prompter.say(&lines.join("\n"));
                }
                // Not near the QR code's key: a stale one if it is a key
                // at all.
                Comparison::Different => match Key::parse(typed) {
                    Ok(_) => {
                        self.prompter.say(&fl!("wizard-key-stale"));
                        return Ok(false);
                    }
                    Err(error) => self.prompter.say(&report_to_string(&error.into())),
                },
            }
        }
    }

    /// Step 5: asks for the phone's code until it matches.
    fn check_phone_code(&mut self, name: &str) -> Result<(), Error> {
        let ask = fl!("wizard-ask-code", name = name, who = who(name));
        confirm_phone_code(self.prompter, &self.vault.family, name, &ask, self.clock)
    }

    /// Step 7: the deletion code, read back before it is saved.
    fn ask_deletion_code(&mut self, name: &str) -> Result<DeletionCode, Error> {
        loop {
            // Kept in wiping memory once typed.
            let typed = match self.answers.deletion_code.take() {
                Some(code) => code,
                None => SecretString::new(self.prompter.input(
                    &fl!("wizard-ask-deletion-code", name = name, who = who(name)),
                    None,
                    false,
                )?),
            };
            let code = match DeletionCode::parse(typed.expose()) {
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
            // A code the bundle already has is an old one read again, or
            // another person's: said, and the read-back defaults to no.
            let known = self.vault.family.known_deletion_code(&code, name);
            if let Some(known) = &known {
                self.prompter.say(&known_deletion_code_line(known, name));
            }
            if self.prompter.confirm(
                // One run of digits, as the portal shows it.
                &fl!(
                    "wizard-deletion-code-readback",
                    code = code.digits().expose()
                ),
                code.has_usual_length() && known.is_none(),
            )? {
                return Ok(code);
            }
        }
    }
}

/// Whether the account a QR code names is the username typed: without
/// regard to case or spaces; a QR code naming no account says nothing.
fn same_account(account: &str, username: &str) -> bool {
    let account = account.trim().to_lowercase();
    account.is_empty() || account == username.trim().to_lowercase()
}

/// Why a key read for `name` is refused: whose it is, in words.
fn known_key_line(known: &KnownKey, name: &str) -> String {
    match known {
        KnownKey::OwnCurrent { cancelled: true } => {
            fl!(
                "wizard-key-known-own-cancelled",
                name = name,
                who = who(name)
            )
        }
        KnownKey::OwnCurrent { cancelled: false } => {
            fl!("wizard-key-known-own-current", name = name, who = who(name))
        }
        KnownKey::OwnFormer => fl!("wizard-key-known-own-former", name = name, who = who(name)),
        KnownKey::Other { name: other } => fl!(
            "wizard-key-known-other",
            other = other.as_str(),
            other_who = who(other),
            name = name,
            who = who(name)
        ),
        KnownKey::OtherFormer { name: other } => fl!(
            "wizard-key-known-other-former",
            other = other.as_str(),
            other_who = who(other),
            name = name,
            who = who(name)
        ),
    }
}

/// Why a deletion code typed for `name` is questioned, in words.
fn known_deletion_code_line(known: &KnownDeletionCode, name: &str) -> String {
    match known {
        KnownDeletionCode::OwnFormer => fl!(
            "warn-deletion-code-known",
            known = "own-former",
            name = name,
            who = who(name),
            other = "",
            other_who = "other"
        ),
        KnownDeletionCode::Other { name: other } => fl!(
            "warn-deletion-code-known",
            known = "other",
            name = name,
            who = who(name),
            other = other.as_str(),
            other_who = who(other)
        ),
    }
}

/// One slip in a typed key, as the person reads it.
fn typo_line(typo: &Typo) -> String {
    match typo {
        Typo::Wrong {
            position,
            typed,
            expected,
        } => fl!(
            "wizard-key-typo-wrong",
            position = position.to_string(),
            typed = typed.to_string(),
            expected = expected.to_string()
        ),
        Typo::Missing { position, expected } => fl!(
            "wizard-key-typo-missing",
            position = position.to_string(),
            expected = expected.to_string()
        ),
        Typo::Extra { position, typed } => fl!(
            "wizard-key-typo-extra",
            position = position.to_string(),
            typed = typed.to_string()
        ),
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
mod tests;
