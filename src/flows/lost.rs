//! When a phone with the family's keys is lost or stolen: the moment the
//! whole backup exists for. The guide keeps the deletion code (törlőkód)
//! for this: on the Ügyfélkapu login page ("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE") it
//! cancels a person's Ügyfélkapu+, so the lost phone can no longer log in
//! as them. Without it, the key in the bundle still logs in: "Beállítás
//! másik eszközre" gives a new key and deletion code (docs/portal.md); only
//! with neither does it take a government office (kormányablak). This
//! flow takes the person through it one family member at a time: what will
//! happen and why, the deletion code in large type, the steps on the
//! portal (or the online route, or the office), whether it worked,
//! and at once a new registration with the new phone. Every answer is saved
//! as it is given (`safe_save`), so an interrupted run continues where it
//! stopped.
//!
//! The new registration is the wizard's; it is handed in as a function by
//! the command, so this flow stays below the wizard.

use crate::{
    clock::Clock,
    error::Error,
    family::{Family, FamilyError, Member, OldKeyCheck, Renewal, Stage, who},
    fl,
    flows::phone_check::{WAIT_BELOW_SECONDS, confirm_phone_code, time_bar},
    flows::safe_save,
    interrupt::ShowingSecrets,
    prompter::Prompter,
    qr::terminal,
    totp,
    vault::{Vault, bundle::human_date},
};

/// Registers a person again with the new phone (the wizard's
/// `register_again`), on the same open bundle and prompter, the portal's
/// way given by the [`Renewal`].
pub type Again<'a, P> = dyn FnMut(&mut Vault, &mut P, &str, Renewal) -> Result<(), Error> + 'a;

/// The answers to "did it work?", in menu order.
const WORKED: usize = 0;

/// The answers to "did the login work?", in menu order.
const LOGGED_IN: usize = 0;
const LOGIN_REFUSED: usize = 1;

/// The answers to "what did the portal say to the old code?".
const OLD_REFUSED: usize = 0;
const OLD_WORKS: usize = 1;
const OLD_LATER: usize = 2;

/// Whether `member`'s last former key waits for the person to try it at
/// the login (after "Beállítás másik eszközre").
fn old_key_unchecked(member: &Member) -> bool {
    member.stage == Stage::Done
        && member
            .history
            .last()
            .is_some_and(|f| f.old_key_check == Some(OldKeyCheck::Pending))
}

/// The lost-phone flow over an open bundle.
pub struct Lost<'a, P: Prompter> {
    vault: &'a mut Vault,
    prompter: &'a mut P,
    clock: &'a Clock,
    again: &'a mut Again<'a, P>,
}

/// How the online route for a person without a deletion code ended.
enum Online {
    /// Registered on the new phone through "Beállítás másik eszközre".
    Renewed,
    /// The portal refused the key: only the office is left.
    Refused,
    /// The person stopped for now.
    Later,
}

/// Whether `member` is half-way through a new registration after a
/// cancellation (a former key exists and the new one is not finished).
fn registering_again(member: &Member) -> bool {
    member.stage != Stage::Done && !member.history.is_empty()
}

/// The names of `only` as the family spells them (everyone when empty).
fn chosen(family: &Family, only: &[String]) -> Result<Vec<String>, Error> {
    if only.is_empty() {
        return Ok(family.members.iter().map(|m| m.name.clone()).collect());
    }
    only.iter()
        .map(|name| {
            family
                .find(name)
                .map(|m| m.name.clone())
                .ok_or_else(|| FamilyError::NoSuchMember(name.clone()).into())
        })
        .collect()
}

impl<'a, P: Prompter> Lost<'a, P> {
    /// The flow saving into `vault`; `again` registers a person anew.
    pub fn new(
        vault: &'a mut Vault,
        prompter: &'a mut P,
        clock: &'a Clock,
        again: &'a mut Again<'a, P>,
    ) -> Self {
        Lost {
            vault,
            prompter,
            clock,
            again,
        }
    }

    fn save(&mut self) -> Result<(), Error> {
        safe_save::save_family(self.vault, self.prompter, self.clock.now())
    }

    /// Runs the flow for everyone in `only` (the whole family when empty):
    /// the explanation, then person by person, then a summary.
    pub fn run(&mut self, only: &[String]) -> Result<(), Error> {
        let names = chosen(&self.vault.family, only)?;
        if names.is_empty() {
            self.prompter.say(&fl!("lost-empty"));
            return Ok(());
        }
        self.prompter.pause(&fl!("lost-intro"))?;
        let work = self.people_to_do(&names)?;
        for name in &work {
            self.person(name)?;
        }
        self.prompter.say(&self.summary(&names));
        Ok(())
    }

    /// Who this run takes through the steps. People marked lost by an
    /// interrupted run are offered first; continuing skips those already
    /// done. A new run marks everyone whose key is still valid.
    fn people_to_do(&mut self, names: &[String]) -> Result<Vec<String>, Error> {
        let pending: Vec<&Member> = names
            .iter()
            .map(|n| self.vault.family.saved(n))
            .filter(|m| m.lost.is_some() && m.cancelled.is_none())
            .collect();
        if let Some(since) = pending.iter().filter_map(|m| m.lost).min() {
            let list = pending
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let question = fl!("lost-resume", date = human_date(since), names = list);
            if self.prompter.confirm(&question, true)? {
                let (todo, done): (Vec<String>, Vec<String>) =
                    names.iter().cloned().partition(|n| {
                        let m = self.vault.family.saved(n);
                        m.lost.is_some()
                            || m.cancelled.is_some()
                            || registering_again(m)
                            || old_key_unchecked(m)
                    });
                for name in done {
                    self.prompter
                        .say(&fl!("lost-already-done", name = name.as_str()));
                }
                return Ok(todo);
            }
        }
        let now = self.clock.now();
        let mut marked = false;
        for name in names {
            let member = self.vault.family.saved_mut(name);
            if member.cancelled.is_none()
                && !registering_again(member)
                && !old_key_unchecked(member)
            {
                member.lost = Some(now);
                marked = true;
            }
        }
        if marked {
            self.save()?;
        }
        Ok(names.to_vec())
    }

    /// One person: a new registration under way continues; a cancelled key
    /// is offered a new registration; an old key not yet tried at the login
    /// is offered for the try; otherwise the cancellation itself, with the
    /// deletion code, or without one online with the key.
    fn person(&mut self, name: &str) -> Result<(), Error> {
        let member = self.vault.family.saved(name);
        if registering_again(member) {
            let step = match member.stage {
                Stage::KeyRead => fl!("wizard-resume-step-key"),
                Stage::KeyChecked => fl!("wizard-resume-step-phone"),
                _ => fl!("wizard-resume-step-deletion"),
            };
            if self.prompter.confirm(
                &fl!(
                    "lost-again-resume",
                    name = name,
                    who = who(name),
                    step = step
                ),
                true,
            )? {
                self.register_again(name, Renewal::AfterCancellation)?;
            }
            return Ok(());
        }
        if let Some(date) = member.cancelled {
            self.prompter.say(&fl!(
                "lost-already-cancelled",
                name = name,
                who = who(name),
                date = human_date(date)
            ));
            return self.offer_again(name);
        }
        if old_key_unchecked(member) {
            self.prompter
                .say(&fl!("lost-old-check-resume", name = name, who = who(name)));
            return self.check_old_key(name);
        }
        let code = member
            .deletion_code
            .as_ref()
            .map(|c| c.digits().expose().to_owned());
        let username = self.username(name);
        self.prompter.say(&fl!(
            "lost-person",
            name = name,
            username = username.as_str()
        ));
        let cancelled = match code {
            Some(code) => {
                // One run of digits, as the portal shows it and takes it.
                self.prompter.say(&fl!(
                    "lost-code",
                    name = name,
                    who = who(name),
                    code = code.as_str(),
                    big = big_digits(&code)
                ));
                self.prompter.say(&fl!(
                    "lost-steps",
                    name = name,
                    who = who(name),
                    username = username.as_str()
                ));
                let choices = [fl!("lost-worked"), fl!("lost-failed")];
                let choice = self.prompter.select(
                    &fl!("lost-ask-worked", name = name, who = who(name)),
                    &choices,
                    WORKED,
                )?;
                if choice != WORKED {
                    self.prompter.say(&fl!(
                        "lost-failed-next",
                        name = name,
                        who = who(name),
                        next = continue_hint(name)
                    ));
                }
                choice == WORKED
            }
            None => match self.online(name, &username)? {
                Online::Renewed => return self.check_old_key(name),
                Online::Later => return Ok(()),
                Online::Refused => self.office(name, &username)?,
            },
        };
        if !cancelled {
            return Ok(());
        }
        let now = self.clock.now();
        let member = self.vault.family.saved_mut(name);
        member.cancelled = Some(now);
        member.lost = None;
        self.save()?;
        self.prompter.say(&fl!(
            "lost-cancelled-saved",
            name = name,
            who = who(name),
            date = human_date(now)
        ));
        self.offer_again(name)
    }

    /// The username as the messages name it ("nincs feljegyezve" when not known).
    fn username(&self, name: &str) -> String {
        self.vault
            .family
            .saved(name)
            .username
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| fl!("lost-username-unknown"))
    }

    /// No deletion code, but the key is in the bundle: it goes onto the new
    /// phone (proved by its code), the person logs in with it and moves
    /// Ügyfélkapu+ to the new phone ("Beállítás másik eszközre"), which
    /// gives a new key and a new deletion code.
    fn online(&mut self, name: &str, username: &str) -> Result<Online, Error> {
        self.prompter
            .say(&fl!("lost-online", name = name, who = who(name)));
        self.key_onto_phone(name)?;
        self.login(name, username)
    }

    /// The person logs in with the key the phone now shows; when it works,
    /// the registration on another device follows.
    fn login(&mut self, name: &str, username: &str) -> Result<Online, Error> {
        self.prompter.say(&fl!(
            "lost-online-login",
            name = name,
            who = who(name),
            username = username
        ));
        let choices = [
            fl!("lost-online-logged-in"),
            fl!("lost-online-refused"),
            fl!("lost-online-later"),
        ];
        match self
            .prompter
            .select(&fl!("lost-online-ask-login"), &choices, LOGGED_IN)?
        {
            LOGGED_IN => {
                self.register_again(name, Renewal::OtherDevice)?;
                Ok(Online::Renewed)
            }
            LOGIN_REFUSED => Ok(Online::Refused),
            _ => {
                self.prompter.say(&fl!(
                    "lost-online-later-saved",
                    name = name,
                    who = who(name),
                    next = continue_hint(name)
                ));
                Ok(Online::Later)
            }
        }
    }

    /// The person's key onto the new phone, from the terminal or the
    /// printed sheet, and its code proved; the screen and scrollback are
    /// cleared of the QR code afterwards.
    fn key_onto_phone(&mut self, name: &str) -> Result<(), Error> {
        let choices = [fl!("lost-online-qr-here"), fl!("lost-online-qr-sheet")];
        let here = self
            .prompter
            .select(&fl!("lost-online-qr-ask"), &choices, 0)?
            == 0;
        let account = self.vault.family.saved(name).labelled_account();
        let showing = here.then(ShowingSecrets::start);
        if here {
            let picture = terminal::render(&account.to_uri())
                .map_err(|too_long| Error::Qr(too_long.named(name)))?;
            self.prompter.clear_screen();
            self.prompter.say(&fl!(
                "restore-person",
                name = name,
                entry = account.account.as_str()
            ));
            self.prompter.say(picture.expose());
        } else {
            self.prompter.say(&fl!(
                "lost-online-qr-sheet-how",
                name = name,
                who = who(name),
                entry = account.account.as_str()
            ));
        }
        let ask = fl!("restore-ask-code", name = name, who = who(name));
        let proved = confirm_phone_code(self.prompter, &self.vault.family, name, &ask, self.clock);
        if here {
            self.prompter.clear_screen();
        }
        drop(showing);
        proved?;
        let now = self.clock.now();
        self.vault.family.saved_mut(name).confirmed = Some(now);
        self.save()?;
        self.prompter
            .say(&fl!("restore-confirmed", name = name, who = who(name)));
        Ok(())
    }

    /// Neither a deletion code nor a key that logs in: the government
    /// office. `true` once the person says the office has cancelled it.
    fn office(&mut self, name: &str, username: &str) -> Result<bool, Error> {
        self.prompter.say(&fl!(
            "lost-no-code",
            name = name,
            who = who(name),
            username = username
        ));
        let choices = [fl!("lost-office-done"), fl!("lost-office-later")];
        let choice = self.prompter.select(
            &fl!("lost-ask-office", name = name, who = who(name)),
            &choices,
            1,
        )?;
        if choice != WORKED {
            self.prompter.say(&fl!(
                "lost-office-later-saved",
                name = name,
                who = who(name),
                next = continue_hint(name)
            ));
        }
        Ok(choice == WORKED)
    }

    /// The old key's current code, for the person to try at the login:
    /// whether the portal still takes it is recorded with the former key.
    /// Still taken means the lost phone can log in: the person is marked
    /// lost again, and the next run cancels with the new deletion code.
    fn check_old_key(&mut self, name: &str) -> Result<(), Error> {
        let Some(old) = self
            .vault
            .family
            .saved(name)
            .history
            .last()
            .map(|f| f.account.clone())
        else {
            return Ok(());
        };
        let (code, left) = loop {
            let now = self.clock.unix();
            let left = totp::seconds_left(&old, now);
            if left < WAIT_BELOW_SECONDS {
                self.prompter
                    .say(&fl!("wizard-wait-next-code", seconds = left.to_string()));
                self.prompter.countdown(&fl!("wizard-countdown"), left);
                continue;
            }
            break (totp::generate(&old, now), left);
        };
        self.prompter.say(&fl!(
            "lost-old-check",
            name = name,
            who = who(name),
            code = code,
            bar = time_bar(left, u64::from(old.period)),
            seconds = left.to_string()
        ));
        let choices = [
            fl!("lost-old-check-refused"),
            fl!("lost-old-check-works"),
            fl!("lost-old-check-later"),
        ];
        let choice = self
            .prompter
            .select(&fl!("lost-old-check-ask"), &choices, OLD_LATER)?;
        let now = self.clock.now();
        let answer = match choice {
            OLD_REFUSED => OldKeyCheck::Refused(now),
            OLD_WORKS => OldKeyCheck::StillWorks(now),
            _ => OldKeyCheck::Pending,
        };
        let member = self.vault.family.saved_mut(name);
        if let Some(former) = member.history.last_mut() {
            former.old_key_check = Some(answer);
        }
        if answer == OldKeyCheck::StillWorks(now) {
            member.lost = Some(now);
        }
        self.save()?;
        self.prompter.say(&match answer {
            OldKeyCheck::Refused(date) => {
                fl!("lost-old-check-refused-saved", date = human_date(date))
            }
            OldKeyCheck::StillWorks(date) => fl!(
                "lost-old-check-works-saved",
                name = name,
                who = who(name),
                date = human_date(date),
                next = continue_hint(name)
            ),
            OldKeyCheck::Pending => {
                fl!("lost-old-check-later-saved", next = continue_hint(name))
            }
        });
        Ok(())
    }

    /// A new deletion code for `name`, whose phone still works: logged in
    /// with it, Ügyfélkapu+ is set up again ("Beállítás másik eszközre"),
    /// then the old key is tried. Nothing is cancelled.
    pub fn renew(&mut self, name: &str) -> Result<(), Error> {
        let name = chosen(&self.vault.family, &[name.to_owned()])?.remove(0);
        let name = name.as_str();
        self.prompter
            .pause(&fl!("lost-renew-intro", name = name, who = who(name)))?;
        let username = self.username(name);
        match self.login(name, &username)? {
            Online::Renewed => self.check_old_key(name),
            Online::Refused => {
                self.office(name, &username)?;
                Ok(())
            }
            Online::Later => Ok(()),
        }
    }

    /// Asks whether `name` registers again now, with the new phone.
    fn offer_again(&mut self, name: &str) -> Result<(), Error> {
        if self
            .prompter
            .confirm(&fl!("lost-ask-again", name = name, who = who(name)), true)?
        {
            self.register_again(name, Renewal::AfterCancellation)
        } else {
            self.prompter
                .say(&fl!("lost-again-later", next = continue_hint(name)));
            Ok(())
        }
    }

    fn register_again(&mut self, name: &str, how: Renewal) -> Result<(), Error> {
        (self.again)(self.vault, self.prompter, name, how)?;
        self.prompter
            .say(&fl!("lost-again-done", name = name, who = who(name)));
        if old_key_unchecked(self.vault.family.saved(name)) && how == Renewal::AfterCancellation {
            // A registration on another device, interrupted and finished
            // now: its old key is still to be tried.
            return self.check_old_key(name);
        }
        Ok(())
    }

    /// Where each person stands at the end, and what to do with the sheet.
    fn summary(&self, names: &[String]) -> String {
        let mut lines = vec![fl!("lost-summary-title")];
        for name in names {
            let member = self.vault.family.saved(name);
            let state = lost_state(member);
            lines.push(format!("  {:<20} {state}", member.name));
        }
        lines.push(String::new());
        // The printed sheet named when it is wrong for someone; the
        // general advice when no printed sheet was recorded.
        lines.push(
            self.vault
                .printed
                .as_ref()
                .and_then(|printed| printed.out_of_date_note(&self.vault.family))
                .unwrap_or_else(|| fl!("lost-summary-sheet", surface = crate::i18n::surface())),
        );
        lines.join("\n")
    }
}

/// A person's state after a lost phone, in words: cancelled on a date,
/// registered again, still to cancel, or nothing to do.
pub fn lost_state(member: &Member) -> String {
    if let Some(date) = member.cancelled {
        return fl!("lost-state-cancelled", date = human_date(date));
    }
    if let Some(date) = member.lost {
        return fl!("lost-state-pending", date = human_date(date));
    }
    match member.history.last() {
        Some(former) if member.stage == Stage::Done => match former.old_key_check {
            Some(OldKeyCheck::Pending) => fl!(
                "lost-state-renewed-check-pending",
                date = human_date(former.replaced)
            ),
            Some(OldKeyCheck::Refused(_)) => fl!(
                "lost-state-renewed-old-refused",
                date = human_date(former.replaced)
            ),
            _ => fl!("lost-state-renewed", date = human_date(former.replaced)),
        },
        Some(_) => fl!("lost-state-registering"),
        None => fl!("lost-state-valid"),
    }
}

/// The rows of each digit, two blocks per dot, five rows high: a deletion
/// code readable from across the desk.
const GLYPHS: [[&str; 5]; 10] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    [" █ ", "██ ", " █ ", " █ ", "███"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
];

/// `grouped` ("9139 0724") in large block digits, five lines, the groups
/// kept apart as on the sheet. Anything but digits and spaces is left out.
pub fn big_digits(grouped: &str) -> String {
    let mut rows = vec![String::from("    "); 5];
    for ch in grouped.chars() {
        for (row, line) in rows.iter_mut().enumerate() {
            match ch.to_digit(10) {
                Some(digit) => {
                    for dot in GLYPHS[digit as usize][row].chars() {
                        line.push(dot);
                        line.push(dot);
                    }
                    line.push_str("  ");
                }
                None if ch == ' ' => line.push_str("    "),
                None => {}
            }
        }
    }
    rows.iter()
        .map(|r| r.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// How to come back to this flow for `name`: the command in a terminal,
/// the menu's item after a double-click (no terminal to type into).
fn continue_hint(name: &str) -> String {
    fl!(
        "lost-continue",
        name = name,
        surface = crate::i18n::surface()
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use time::OffsetDateTime;

    use super::*;
    use crate::{
        family::{DeletionCode, OldKeyCheck},
        flows::wizard::{Answers, Places, Wizard, person_folder},
        formats::otpauth::{Key, OtpAuth},
        prompter::{PromptError, Scripted},
        qr::draw,
        totp,
        vault::{Access, Keys},
    };

    const PASSPHRASE: &str = "kert-alma-hegy-tavasz-77";
    /// 20 seconds into a 30-second window: 10 seconds left for a code.
    const T0: i64 = 1_700_000_000 + 20 - 1_700_000_000 % 30;

    fn account(username: &str, seed: u8) -> OtpAuth {
        let key = Key::from_bytes((0..12).map(|b| b * 13 + seed).collect());
        OtpAuth::new(Some("Ügyfélkapu+".into()), username.into(), key)
    }

    /// The new phone's key for Én.
    fn new_key() -> OtpAuth {
        account("kovacs.peter", 40)
    }

    struct Setup {
        dir: tempfile::TempDir,
    }

    impl Setup {
        /// A bundle with Én and Mama (deletion codes saved) and Papa
        /// (none), as the wizard leaves it.
        fn new() -> Setup {
            Setup::with_codes([Some("91390720"), Some("91390721"), None])
        }
        /// The same family with `codes` as Én's, Mama's and Papa's
        /// deletion codes.
        fn with_codes(codes: [Option<&str>; 3]) -> Setup {
            let setup = Setup {
                dir: tempfile::tempdir().unwrap(),
            };
            let mut prompter = Scripted {
                secrets: vec![PASSPHRASE.into(), PASSPHRASE.into()],
                ..Scripted::default()
            };
            let mut vault =
                Vault::open(&setup.bundle(), &keys(), &mut prompter, Access::Create).unwrap();
            for (seed, (name, username, code)) in [
                ("Én", "kovacs.peter", codes[0]),
                ("Mama", "kovacs.maria", codes[1]),
                ("Papa", "kovacs.janos", codes[2]),
            ]
            .into_iter()
            .enumerate()
            {
                let start = OffsetDateTime::from_unix_timestamp(T0 - 86_400).unwrap();
                let mut member = Member::new(name.into(), account(username, seed as u8), start);
                member.username = Some(username.into());
                member.deletion_code = code.map(|c| DeletionCode::parse(c).unwrap());
                member.confirmed = Some(start);
                vault.family.add(member).unwrap();
            }
            vault
                .save(&mut prompter, OffsetDateTime::UNIX_EPOCH)
                .unwrap();
            setup
        }
        fn bundle(&self) -> PathBuf {
            self.dir.path().join("mentes.age")
        }
        fn workspace(&self) -> PathBuf {
            self.dir.path().join("kapukulcs")
        }
        /// The new phone's QR code, saved by the person into Én's folder.
        fn new_screenshot(&self) -> (PathBuf, Vec<u8>) {
            let png = draw::png(&new_key().to_uri(), 6).unwrap();
            (
                person_folder(&self.workspace(), "Én").join("Képernyőkép.png"),
                png.expose().to_vec(),
            )
        }
        /// Runs the flow for `only` with `prompter` (passphrase added); the
        /// clock stands at T0 and moves only while the program counts down.
        fn run(&self, prompter: &mut Scripted, only: &[&str]) -> Result<(), Error> {
            prompter.secrets.insert(0, PASSPHRASE.into());
            let mut vault = Vault::open(&self.bundle(), &keys(), prompter, Access::Write)?;
            let waited = prompter.waited_seconds.clone();
            let clock = Clock::new(move || {
                OffsetDateTime::from_unix_timestamp(T0 + waited.get() as i64).unwrap()
            });
            let workspace = self.workspace();
            let mut again =
                |vault: &mut Vault, prompter: &mut Scripted, name: &str, how: Renewal| {
                    Wizard::new(
                        vault,
                        prompter,
                        &clock,
                        Places::workspace_only(workspace.clone()),
                        Answers::default(),
                    )
                    .renew(name, how)
                };
            let only: Vec<String> = only.iter().map(|s| (*s).to_owned()).collect();
            Lost::new(&mut vault, prompter, &clock, &mut again).run(&only)
        }
        fn reopen(&self) -> Family {
            let mut prompter = Scripted {
                secrets: vec![PASSPHRASE.into()],
                ..Scripted::default()
            };
            Vault::open(&self.bundle(), &keys(), &mut prompter, Access::Read)
                .unwrap()
                .family
        }
    }

    fn keys() -> Keys {
        Keys {
            work_factor: Some(4),
            ..Keys::default()
        }
    }

    fn at_t0() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(T0).unwrap()
    }

    /// The answers of Én's new registration after the screenshot: the key
    /// not typed, the new phone's code, the new deletion code.
    fn registration_inputs() -> [String; 3] {
        [
            String::new(),
            totp::generate(&new_key(), T0 as u64),
            "5551 2345".into(),
        ]
    }

    fn assert_registered_again(family: &Family) {
        let en = family.find("Én").unwrap();
        assert!(en.account == new_key(), "the new key was not kept");
        assert_eq!(en.stage, Stage::Done);
        assert_eq!(en.confirmed, Some(at_t0()));
        assert_eq!(
            en.deletion_code.as_ref().unwrap().digits().expose(),
            "55512345"
        );
        assert_eq!(en.cancelled, None);
        assert_eq!(en.lost, None);
        // The old key and deletion code are in the history, cancelled.
        assert_eq!(en.history.len(), 1);
        let old = &en.history[0];
        assert!(old.account == account("kovacs.peter", 0));
        assert_eq!(
            old.deletion_code.as_ref().unwrap().digits().expose(),
            "91390720"
        );
        assert_eq!(old.cancelled, Some(at_t0()));
        assert_eq!(en.picture.as_ref().unwrap().file_name, "Képernyőkép.png");
    }

    #[test]
    fn three_people_one_registered_again_one_failing_one_without_a_deletion_code() {
        let setup = Setup::new();
        let mut prompter = Scripted::default();
        // Én: it worked, register again now.
        prompter.selections.push(0);
        prompter.confirms.push(true);
        prompter.drops.push(setup.new_screenshot());
        prompter.inputs.extend(registration_inputs());
        // No QR code in the terminal, read-back, delete the screenshot.
        prompter.confirms.extend([false, true, true]);
        // Mama: it did not work. Papa: no code; his key from the sheet,
        // proved, but the portal refuses it: the office, later.
        prompter.selections.extend([1, 1]);
        prompter
            .inputs
            .push(totp::generate(&account("kovacs.janos", 2), T0 as u64));
        prompter.selections.extend([1, 1]);
        setup.run(&mut prompter, &[]).unwrap();
        assert!(prompter.selections.is_empty() && prompter.confirms.is_empty());

        let shown = prompter.shown.join("\n");
        assert!(shown.contains(&fl!("lost-intro")), "{shown}");
        // Én's deletion code large and grouped, and the portal's steps.
        assert!(
            shown.contains(&fl!(
                "lost-code",
                name = "Én",
                who = "self",
                code = "91390720",
                big = big_digits("91390720")
            )),
            "{shown}"
        );
        assert!(shown.contains("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE"), "{shown}");
        assert!(
            shown.contains(&fl!(
                "lost-cancelled-saved",
                name = "Én",
                who = "self",
                date = human_date(at_t0())
            )),
            "{shown}"
        );
        assert!(
            shown.contains(&fl!("lost-again-done", name = "Én", who = "self")),
            "{shown}"
        );
        // Mama: what to do next. Papa: the office, not steps that cannot work.
        assert!(
            shown.contains(&fl!(
                "lost-failed-next",
                name = "Mama",
                who = "other",
                next = continue_hint("Mama")
            )),
            "{shown}"
        );
        assert!(
            shown.contains(&fl!(
                "lost-no-code",
                name = "Papa",
                who = "other",
                username = "kovacs.janos"
            )),
            "{shown}"
        );
        assert!(
            !shown.contains(&fl!(
                "lost-steps",
                name = "Papa",
                who = "other",
                username = "kovacs.janos"
            )),
            "{shown}"
        );
        assert!(
            prompter
                .asked
                .contains(&fl!("lost-ask-office", name = "Papa", who = "other")),
            "{:?}",
            prompter.asked
        );
        // The new screenshot, which holds the key, was deleted.
        assert!(!setup.new_screenshot().0.exists());

        let family = setup.reopen();
        assert_registered_again(&family);
        for (name, seed) in [("Mama", 1), ("Papa", 2)] {
            let member = family.find(name).unwrap();
            assert!(member.account == account(&member.account.account, seed));
            assert_eq!(member.cancelled, None, "{name}");
            assert!(member.history.is_empty(), "{name}");
            assert_eq!(member.lost, Some(at_t0()), "{name} is still to cancel");
        }
        assert_eq!(
            family
                .find("Mama")
                .unwrap()
                .deletion_code
                .as_ref()
                .unwrap()
                .grouped(),
            "9139 0721"
        );
        assert_eq!(
            lost_state(family.find("Papa").unwrap()),
            fl!("lost-state-pending", date = human_date(at_t0()))
        );
    }

    #[test]
    fn an_interrupted_run_continues_where_it_stopped() {
        let setup = Setup::new();
        // Run 1: Én's key is cancelled, and the new registration stops
        // after the screenshot (the script runs out, as a Ctrl-C would).
        let mut prompter = Scripted::default();
        prompter.selections.push(0);
        prompter.confirms.push(true);
        prompter.drops.push(setup.new_screenshot());
        let stopped = setup.run(&mut prompter, &[]);
        assert!(
            matches!(stopped, Err(Error::Prompt(PromptError::Cancelled))),
            "{stopped:?}"
        );
        let family = setup.reopen();
        let en = family.find("Én").unwrap();
        assert_eq!(en.stage, Stage::KeyRead);
        assert!(en.account == new_key());
        assert_eq!(en.history[0].cancelled, Some(at_t0()));
        assert!(family.find("Mama").unwrap().lost.is_some());

        // Run 2: continue; Én's registration goes on from step 3; Mama's
        // key is cancelled (no new registration yet); stopped at Papa.
        let mut prompter = Scripted::default();
        prompter.confirms.extend([true, true]); // continue the run, and Én's registration
        prompter.inputs.extend(registration_inputs());
        // No QR code in the terminal, read-back, delete the screenshot.
        prompter.confirms.extend([false, true, true]);
        prompter.selections.push(0); // Mama: it worked
        prompter.confirms.push(false); // not registering again now
        assert!(setup.run(&mut prompter, &[]).is_err());
        assert!(
            prompter.asked.contains(&fl!(
                "lost-resume",
                date = human_date(at_t0()),
                names = "Mama, Papa"
            )),
            "{:?}",
            prompter.asked
        );
        assert!(
            prompter.asked.contains(&fl!(
                "lost-again-resume",
                name = "Én",
                who = "self",
                step = fl!("wizard-resume-step-key")
            )),
            "{:?}",
            prompter.asked
        );
        let family = setup.reopen();
        assert_registered_again(&family);
        assert_eq!(family.find("Mama").unwrap().cancelled, Some(at_t0()));
        assert_eq!(family.find("Papa").unwrap().cancelled, None);

        // Run 3: only Papa is left to cancel; Én is done, Mama is offered a
        // new registration again.
        let mut prompter = Scripted::default();
        prompter.confirms.push(true); // continue
        prompter.confirms.push(false); // Mama: not now
        // Papa: his key proved on the phone, refused by the portal; the
        // office has cancelled it.
        prompter.selections.push(1);
        prompter
            .inputs
            .push(totp::generate(&account("kovacs.janos", 2), T0 as u64));
        prompter.selections.extend([1, 0]);
        prompter.confirms.push(false); // Papa: not now
        setup.run(&mut prompter, &[]).unwrap();
        assert!(
            prompter
                .shown
                .contains(&fl!("lost-already-done", name = "Én")),
            "{:?}",
            prompter.shown
        );
        assert!(
            prompter.shown.contains(&fl!(
                "lost-already-cancelled",
                name = "Mama",
                who = "other",
                date = human_date(at_t0())
            )),
            "{:?}",
            prompter.shown
        );
        let family = setup.reopen();
        assert_registered_again(&family);
        let papa = family.find("Papa").unwrap();
        assert_eq!(papa.cancelled, Some(at_t0()));
        assert_eq!(papa.lost, None);
        // Nothing was dropped: three people, Én's old key kept.
        assert_eq!(family.members.len(), 3);
    }

    #[test]
    fn only_names_the_people_to_cancel_and_an_unknown_name_is_an_error() {
        let setup = Setup::new();
        let mut prompter = Scripted::default();
        prompter.selections.push(0);
        prompter.confirms.push(false);
        setup.run(&mut prompter, &["mama"]).unwrap();
        let family = setup.reopen();
        assert_eq!(family.find("Mama").unwrap().cancelled, Some(at_t0()));
        assert_eq!(family.find("Én").unwrap().lost, None);
        assert_eq!(family.find("Papa").unwrap().lost, None);

        let mut prompter = Scripted::default();
        assert!(matches!(
            setup.run(&mut prompter, &["Nagyi"]),
            Err(Error::Family(FamilyError::NoSuchMember(name))) if name == "Nagyi"
        ));
    }

    /// Issue 19: Én has no deletion code but the key: it goes onto the new
    /// phone (from the sheet), proved; logged in with it, Én moves
    /// Ügyfélkapu+ to the new phone ("Beállítás másik eszközre"); the old
    /// key goes into the history, not cancelled, and its code is shown for
    /// the login try, whose answer is recorded. No office on the way.
    #[test]
    fn without_a_deletion_code_the_key_moves_online_and_the_old_one_is_tried() {
        let setup = Setup::with_codes([None, Some("91390721"), None]);
        let old = account("kovacs.peter", 0);
        let mut prompter = Scripted::default();
        prompter.selections.push(1); // the key from the printed sheet
        prompter.inputs.push(totp::generate(&old, T0 as u64));
        prompter.selections.push(0); // logged in
        prompter.drops.push(setup.new_screenshot());
        prompter.inputs.extend(registration_inputs());
        prompter.confirms.extend([false, true, true]);
        prompter.selections.push(0); // the portal refused the old code
        setup.run(&mut prompter, &["Én"]).unwrap();
        assert!(prompter.selections.is_empty() && prompter.inputs.is_empty());

        let shown = prompter.shown.join("\n");
        assert!(
            shown.contains(&fl!("lost-online", name = "Én", who = "self")),
            "{shown}"
        );
        assert!(shown.contains("„Beállítás másik eszközre”"), "{shown}");
        assert!(
            !shown.contains("kormányablakba") && !shown.contains("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE"),
            "{shown}"
        );
        // The old key's code at the moment of the try, for the login.
        let code = totp::generate(&old, T0 as u64);
        assert!(
            shown.contains(&format!("A régi kulcs mostani kódja: {code}")),
            "{shown}"
        );

        let family = setup.reopen();
        let en = family.find("Én").unwrap();
        assert!(en.account == new_key());
        assert_eq!(en.stage, Stage::Done);
        assert_eq!(
            en.deletion_code.as_ref().unwrap().digits().expose(),
            "55512345"
        );
        assert_eq!((en.lost, en.cancelled), (None, None));
        assert_eq!(en.history.len(), 1);
        let former = &en.history[0];
        assert!(former.account == old);
        assert_eq!(former.cancelled, None, "nothing was cancelled");
        assert_eq!(former.confirmed, Some(at_t0()), "proved on the new phone");
        assert_eq!(former.old_key_check, Some(OldKeyCheck::Refused(at_t0())));
        assert_eq!(
            lost_state(en),
            fl!("lost-state-renewed-old-refused", date = human_date(at_t0()))
        );
    }

    /// The old key still logs in: recorded, and Én is marked lost again, so
    /// the next run cancels with the new deletion code. Not tried: asked
    /// again by the next run.
    #[test]
    fn an_old_key_that_still_works_leads_to_a_cancellation_and_an_untried_one_is_asked_again() {
        let setup = Setup::with_codes([None, Some("91390721"), None]);
        let old = account("kovacs.peter", 0);
        let mut prompter = Scripted::default();
        prompter.selections.push(1);
        prompter.inputs.push(totp::generate(&old, T0 as u64));
        prompter.selections.push(0);
        prompter.drops.push(setup.new_screenshot());
        prompter.inputs.extend(registration_inputs());
        prompter.confirms.extend([false, true, true]);
        prompter.selections.push(2); // not tried now
        setup.run(&mut prompter, &["Én"]).unwrap();
        let family = setup.reopen();
        let en = family.find("Én").unwrap();
        assert_eq!(en.history[0].old_key_check, Some(OldKeyCheck::Pending));
        assert_eq!(
            lost_state(en),
            fl!(
                "lost-state-renewed-check-pending",
                date = human_date(at_t0())
            )
        );

        // The next run offers the try first; it still works.
        let mut prompter = Scripted::default();
        prompter.selections.push(1);
        setup.run(&mut prompter, &["Én"]).unwrap();
        assert!(
            prompter
                .shown
                .contains(&fl!("lost-old-check-resume", name = "Én", who = "self")),
            "{:?}",
            prompter.shown
        );
        let family = setup.reopen();
        let en = family.find("Én").unwrap();
        assert_eq!(
            en.history[0].old_key_check,
            Some(OldKeyCheck::StillWorks(at_t0()))
        );
        assert_eq!(en.lost, Some(at_t0()), "to be cancelled with the new code");

        // And the run after that cancels with the new deletion code.
        let mut prompter = Scripted::default();
        prompter.confirms.push(true); // continue the interrupted run
        prompter.selections.push(0); // it worked
        prompter.confirms.push(false); // not registering again now
        setup.run(&mut prompter, &["Én"]).unwrap();
        let shown = prompter.shown.join("\n");
        assert!(shown.contains("55512345"), "{shown}");
        assert_eq!(setup.reopen().find("Én").unwrap().cancelled, Some(at_t0()));
    }

    /// The office route only when neither the deletion code nor the key
    /// works: the key is tried first; the office follows the refusal.
    #[test]
    fn the_office_route_comes_only_when_the_key_does_not_log_in_either() {
        let setup = Setup::new();
        let mut prompter = Scripted::default();
        prompter.selections.push(0); // the key shown in the terminal
        prompter
            .inputs
            .push(totp::generate(&account("kovacs.janos", 2), T0 as u64));
        prompter.selections.push(1); // the portal refuses it
        prompter.selections.push(1); // the office later
        setup.run(&mut prompter, &["Papa"]).unwrap();
        let shown = &prompter.shown;
        let online = shown
            .iter()
            .position(|s| *s == fl!("lost-online", name = "Papa", who = "other"))
            .expect("the online route first");
        let office = shown
            .iter()
            .position(|s| {
                *s == fl!(
                    "lost-no-code",
                    name = "Papa",
                    who = "other",
                    username = "kovacs.janos"
                )
            })
            .expect("then the office");
        assert!(online < office);
        // The QR code was shown, then wiped off the screen.
        assert!(
            shown[online..office]
                .iter()
                .filter(|s| *s == Scripted::CLEARED)
                .count()
                >= 2,
            "{shown:?}"
        );
        for text in &shown[office..] {
            assert!(!text.contains("lakcímkártya"), "{text}");
        }
        let text = shown[office].clone();
        assert!(
            text.contains("bejelentkezés nélkül") && text.contains("kártya formátumú jogosítvány"),
            "{text}"
        );
        let family = setup.reopen();
        let papa = family.find("Papa").unwrap();
        assert_eq!((papa.lost, papa.cancelled), (Some(at_t0()), None));
        assert!(papa.history.is_empty());
    }

    /// Issue 18: every lost-phone text for Én speaks to the person ("a
    /// törlőkódod", "vidd magaddal"), never about "Én" in the third person.
    #[test]
    fn every_lost_phone_text_speaks_to_en_in_the_second_person() {
        let mut texts = Vec::new();
        let mut keep = |prompter: &Scripted| {
            texts.extend(prompter.shown.iter().cloned());
            texts.extend(prompter.asked.iter().cloned());
        };
        // With a deletion code: it worked, registered again at once.
        let setup = Setup::new();
        let mut prompter = Scripted::default();
        prompter.selections.push(0);
        prompter.confirms.push(true);
        prompter.drops.push(setup.new_screenshot());
        prompter.inputs.extend(registration_inputs());
        prompter.confirms.extend([false, true, true]);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        // With a deletion code: it failed.
        let setup = Setup::new();
        let mut prompter = Scripted::default();
        prompter.selections.push(1);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        // It worked, but the new registration later; then again, offered.
        let mut prompter = Scripted::default();
        prompter.confirms.push(true); // continue
        prompter.selections.push(0);
        prompter.confirms.push(false);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        let mut prompter = Scripted::default();
        prompter.confirms.push(false);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        // An interrupted new registration, continued.
        let mut prompter = Scripted::default();
        prompter.confirms.push(true);
        prompter.drops.push(setup.new_screenshot());
        let _ = setup.run(&mut prompter, &["Én"]);
        keep(&prompter);
        let mut prompter = Scripted::default();
        prompter.confirms.push(false);
        let _ = setup.run(&mut prompter, &["Én"]);
        keep(&prompter);
        // Without a deletion code: later at the login; then refused, the
        // office, later; then the office has done it.
        let setup = Setup::with_codes([None, None, None]);
        let old = totp::generate(&account("kovacs.peter", 0), T0 as u64);
        let mut prompter = Scripted::default();
        prompter.selections.extend([1]);
        prompter.inputs.push(old.clone());
        prompter.selections.push(2);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        let mut prompter = Scripted::default();
        prompter.confirms.push(true);
        prompter.selections.push(0);
        prompter.inputs.push(old.clone());
        prompter.selections.extend([1, 1]);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        let mut prompter = Scripted::default();
        prompter.confirms.push(true);
        prompter.selections.push(1);
        prompter.inputs.push(old.clone());
        prompter.selections.extend([1, 0]);
        prompter.confirms.push(false);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        // The online route to the end, the old key not tried, then tried.
        let setup = Setup::with_codes([None, None, None]);
        let mut prompter = Scripted::default();
        prompter.selections.push(1);
        prompter.inputs.push(old.clone());
        prompter.selections.push(0);
        prompter.drops.push(setup.new_screenshot());
        prompter.inputs.extend(registration_inputs());
        prompter.confirms.extend([false, true, true]);
        prompter.selections.push(2);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);
        let mut prompter = Scripted::default();
        prompter.selections.push(1);
        setup.run(&mut prompter, &["Én"]).unwrap();
        keep(&prompter);

        assert!(texts.len() > 60, "{}", texts.len());
        let third: Vec<&String> = texts
            .iter()
            .filter(|t| crate::family::third_person_self(t).is_some())
            .collect();
        assert!(third.is_empty(), "Én in the third person: {third:#?}");
    }

    #[test]
    fn the_deletion_code_in_large_digits_keeps_its_groups() {
        let big = big_digits("9139 0724");
        let rows: Vec<&str> = big.lines().collect();
        assert_eq!(rows.len(), 5);
        // Each digit is 6 columns and 2 apart; the groups 4 more apart.
        assert_eq!(
            rows[0],
            "    ██████    ██    ██████  ██████      ██████  ██████  ██████  ██  ██"
        );
        assert_eq!(
            rows[4],
            "    ██████  ██████  ██████  ██████      ██████      ██  ██████      ██"
        );
        assert!(rows.iter().all(|r| !r.chars().any(|c| c.is_ascii_digit())));
    }

    #[test]
    fn a_way_back_after_a_double_click_names_the_menu_item_not_a_command() {
        // Every lost-phone message that tells how to continue takes it
        // from `lost-continue`, whose command line is only for a terminal.
        for lang in ["hu", "en"] {
            let path = format!(
                "{}/locales/{lang}/kapukulcs.ftl",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(&path).unwrap();
            let command = if lang == "hu" {
                "kapukulcs elveszett"
            } else {
                "kapukulcs lost"
            };
            let mut id = "";
            let bare: Vec<String> = text
                .lines()
                .filter_map(|line| {
                    if let Some((name, _)) = line.split_once(" =")
                        && !name.starts_with(' ')
                    {
                        id = name;
                    }
                    (id.starts_with("lost-")
                        && line.contains(command)
                        && !line
                            .trim_start()
                            .trim_start_matches('*')
                            .starts_with("[terminal]"))
                    .then(|| format!("{id}: {line}"))
                })
                .collect();
            assert!(
                bare.is_empty(),
                "{lang}: a command line a menu user cannot type: {bare:#?}"
            );
        }
    }
}
