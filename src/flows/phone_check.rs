//! Proving that the phone shows the right code: the step the wizard,
//! restore and import share (and whose time bar `check --live` shows). A
//! code that does not match is diagnosed: the phone's clock, another
//! person's line, or a stale key on the phone.

use crate::{
    clock::Clock,
    error::Error,
    family::{Family, FamilyError, who},
    fl,
    prompter::Prompter,
    totp::{self, Verification},
};

/// With fewer seconds than this left, the guide advises waiting for the
/// next code ("Ha már kevesebb van, mint 6-7 másodperc…").
pub const WAIT_BELOW_SECONDS: u64 = 7;

/// Asks for the code the phone shows for `name` until it matches,
/// diagnosing every miss: the phone's clock, another person's line, or a
/// stale key on the phone. Used by the wizard, restore and import; `ask` is
/// the question, worded for each.
pub fn confirm_phone_code(
    prompter: &mut impl Prompter,
    family: &Family,
    name: &str,
    ask: &str,
    clock: &Clock,
) -> Result<(), Error> {
    let account = family
        .find(name)
        .map(|m| m.account.clone())
        .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
    loop {
        let now = clock.unix();
        let left = totp::seconds_left(&account, now);
        if left < WAIT_BELOW_SECONDS {
            prompter.say(&fl!("wizard-wait-next-code", seconds = left.to_string()));
            prompter.countdown(&fl!("wizard-countdown"), left);
            continue;
        }
        prompter.say(&fl!(
            "wizard-code-window",
            bar = time_bar(left, u64::from(account.period)),
            seconds = left.to_string()
        ));
        let typed = prompter.input(ask, None, false)?;
        let now = clock.unix();
        if totp::normalize_code(&typed, account.digits).is_none() {
            prompter.say(&fl!(
                "wizard-code-format",
                digits = account.digits.to_string()
            ));
            continue;
        }
        match totp::verify(&account, &typed, now) {
            Verification::Match => {
                prompter.say(&fl!("wizard-code-ok"));
                return Ok(());
            }
            Verification::ClockOffset { seconds } => {
                let message = if seconds > 0 {
                    fl!("wizard-clock-ahead", seconds = seconds.to_string())
                } else {
                    fl!("wizard-clock-behind", seconds = (-seconds).to_string())
                };
                prompter.say(&message);
            }
            Verification::NoMatch => {
                let other = family
                    .members
                    .iter()
                    .filter(|m| m.name != name)
                    .find(|m| totp::verify(&m.account, &typed, now) == Verification::Match)
                    .map(|m| m.name.clone());
                match other {
                    Some(other) => prompter.say(&fl!(
                        "wizard-code-other-member",
                        other = other.as_str(),
                        other_who = who(&other),
                        name = name,
                        who = who(name)
                    )),
                    // The person's own old key: the phone's old entry,
                    // not the new one just scanned.
                    None if family.find(name).is_some_and(|m| {
                        m.history
                            .iter()
                            .any(|f| totp::verify(&f.account, &typed, now) == Verification::Match)
                    }) =>
                    {
                        prompter.say(&fl!("wizard-code-own-former", name = name, who = who(name)))
                    }
                    None => prompter.say(&fl!("wizard-code-stale-key")),
                }
            }
        }
    }
}

/// A text bar of the seconds left in the code's window: `[██████░░░░]`.
pub fn time_bar(left: u64, period: u64) -> String {
    const WIDTH: u64 = 20;
    let filled = (left * WIDTH).div_ceil(period.max(1)).min(WIDTH);
    format!(
        "[{}{}]",
        "█".repeat(filled as usize),
        "░".repeat((WIDTH - filled) as usize)
    )
}
