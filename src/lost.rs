//! When a phone with the family's keys is lost or stolen: the moment the
//! whole backup exists for. The guide keeps the deletion code (törlőkód)
//! for this: on the Ügyfélkapu login page ("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE") it
//! cancels a person's Ügyfélkapu+, so the lost phone can no longer log in
//! as them; without it only a government office (kormányablak) can. This
//! flow takes the person through it one family member at a time: what will
//! happen and why, the deletion code in large type, the steps on the
//! portal (or the office route when no code was saved), whether it worked,
//! and at once a new registration with the new phone. Every answer is saved
//! as it is given (`safe_save`), so an interrupted run continues where it
//! stopped.
//!
//! The new registration is the wizard's; it is handed in as a function by
//! the command, so this flow stays below the wizard.

use crate::{
    clock::Clock,
    error::Error,
    family::{Family, FamilyError, Member, Stage},
    fl,
    prompter::Prompter,
    safe_save,
    vault::{Vault, bundle::human_date},
};

/// Registers a person again with the new phone (the wizard's
/// `register_again`), on the same open bundle and prompter.
pub type Again<'a, P> = dyn FnMut(&mut Vault, &mut P, &str) -> Result<(), Error> + 'a;

/// The answers to "did it work?", in menu order.
const WORKED: usize = 0;

/// The lost-phone flow over an open bundle.
pub struct Lost<'a, P: Prompter> {
    vault: &'a mut Vault,
    prompter: &'a mut P,
    clock: &'a Clock,
    again: &'a mut Again<'a, P>,
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
            .expect("the flow works on a saved member")
    }

    fn member_mut(&mut self, name: &str) -> &mut Member {
        self.vault
            .family
            .find_mut(name)
            .expect("the flow works on a saved member")
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
            .map(|n| self.member(n))
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
                        let m = self.member(n);
                        m.lost.is_some() || m.cancelled.is_some() || registering_again(m)
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
            let member = self.member_mut(name);
            if member.cancelled.is_none() && !registering_again(member) {
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
    /// is offered a new registration; otherwise the cancellation itself.
    fn person(&mut self, name: &str) -> Result<(), Error> {
        let member = self.member(name);
        if registering_again(member) {
            let step = match member.stage {
                Stage::KeyRead => fl!("wizard-resume-step-key"),
                Stage::KeyChecked => fl!("wizard-resume-step-phone"),
                _ => fl!("wizard-resume-step-deletion"),
            };
            if self
                .prompter
                .confirm(&fl!("lost-again-resume", name = name, step = step), true)?
            {
                self.register_again(name)?;
            }
            return Ok(());
        }
        if let Some(date) = member.cancelled {
            self.prompter.say(&fl!(
                "lost-already-cancelled",
                name = name,
                date = human_date(date)
            ));
            return self.offer_again(name);
        }
        let code = member.deletion_code.as_ref().map(|c| c.grouped());
        let username = member
            .username
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| fl!("lost-username-unknown"));
        self.prompter.say(&fl!(
            "lost-person",
            name = name,
            username = username.as_str()
        ));
        let cancelled = match code {
            Some(code) => {
                self.prompter.say(&fl!(
                    "lost-code",
                    name = name,
                    code = code.as_str(),
                    big = big_digits(&code)
                ));
                self.prompter.say(&fl!(
                    "lost-steps",
                    name = name,
                    username = username.as_str()
                ));
                let choices = [fl!("lost-worked"), fl!("lost-failed")];
                let choice =
                    self.prompter
                        .select(&fl!("lost-ask-worked", name = name), &choices, WORKED)?;
                if choice != WORKED {
                    self.prompter.say(&fl!("lost-failed-next", name = name));
                }
                choice == WORKED
            }
            None => {
                self.prompter.say(&fl!(
                    "lost-no-code",
                    name = name,
                    username = username.as_str()
                ));
                let choices = [fl!("lost-office-done"), fl!("lost-office-later")];
                let choice =
                    self.prompter
                        .select(&fl!("lost-ask-office", name = name), &choices, 1)?;
                if choice != WORKED {
                    self.prompter
                        .say(&fl!("lost-office-later-saved", name = name));
                }
                choice == WORKED
            }
        };
        if !cancelled {
            return Ok(());
        }
        let now = self.clock.now();
        let member = self.member_mut(name);
        member.cancelled = Some(now);
        member.lost = None;
        self.save()?;
        self.prompter.say(&fl!(
            "lost-cancelled-saved",
            name = name,
            date = human_date(now)
        ));
        self.offer_again(name)
    }

    /// Asks whether `name` registers again now, with the new phone.
    fn offer_again(&mut self, name: &str) -> Result<(), Error> {
        if self
            .prompter
            .confirm(&fl!("lost-ask-again", name = name), true)?
        {
            self.register_again(name)
        } else {
            self.prompter.say(&fl!("lost-again-later", name = name));
            Ok(())
        }
    }

    fn register_again(&mut self, name: &str) -> Result<(), Error> {
        (self.again)(self.vault, self.prompter, name)?;
        self.prompter.say(&fl!("lost-again-done", name = name));
        Ok(())
    }

    /// Where each person stands at the end, and what to do with the sheet.
    fn summary(&self, names: &[String]) -> String {
        let mut lines = vec![fl!("lost-summary-title")];
        for name in names {
            let member = self.member(name);
            let state = lost_state(member);
            lines.push(format!("  {:<20} {state}", member.name));
        }
        lines.push(String::new());
        lines.push(fl!("lost-summary-sheet", surface = crate::i18n::surface()));
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
        Some(former) if member.stage == Stage::Done => {
            fl!("lost-state-renewed", date = human_date(former.replaced))
        }
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use time::OffsetDateTime;

    use super::*;
    use crate::{
        family::DeletionCode,
        formats::otpauth::{Key, OtpAuth},
        prompter::{PromptError, Scripted},
        qr::draw,
        totp,
        vault::{Access, Keys},
        wizard::{Answers, Wizard, person_folder},
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
                ("Én", "kovacs.peter", Some("91390720")),
                ("Mama", "kovacs.maria", Some("91390721")),
                ("Papa", "kovacs.janos", None),
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
            let mut again = |vault: &mut Vault, prompter: &mut Scripted, name: &str| {
                Wizard::new(
                    vault,
                    prompter,
                    &clock,
                    workspace.clone(),
                    Answers::default(),
                )
                .register_again(name)
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
        // Mama: it did not work. Papa: no code; the office later.
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
                code = "9139 0720",
                big = big_digits("9139 0720")
            )),
            "{shown}"
        );
        assert!(shown.contains("ÜGYFÉLKAPU+ MEGSZÜNTETÉSE"), "{shown}");
        assert!(
            shown.contains(&fl!(
                "lost-cancelled-saved",
                name = "Én",
                date = human_date(at_t0())
            )),
            "{shown}"
        );
        assert!(
            shown.contains(&fl!("lost-again-done", name = "Én")),
            "{shown}"
        );
        // Mama: what to do next. Papa: the office, not steps that cannot work.
        assert!(
            shown.contains(&fl!("lost-failed-next", name = "Mama")),
            "{shown}"
        );
        assert!(
            shown.contains(&fl!(
                "lost-no-code",
                name = "Papa",
                username = "kovacs.janos"
            )),
            "{shown}"
        );
        assert!(
            !shown.contains(&fl!("lost-steps", name = "Papa", username = "kovacs.janos")),
            "{shown}"
        );
        assert!(
            prompter
                .asked
                .contains(&fl!("lost-ask-office", name = "Papa")),
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
        prompter.selections.push(0); // Papa: the office has cancelled it
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
}
