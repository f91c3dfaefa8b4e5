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
        lines.push(fl!("lost-summary-sheet"));
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
