//! The one way the time reaches the program: a [`Clock`] handed down from
//! the command line to every flow that needs "now" (the wizard, restore,
//! import, check, saving the bundle). Tests pass a fixed or a moving clock,
//! so every date and every code they see is exact.

use std::{fmt, rc::Rc};

use time::OffsetDateTime;

/// Where "now" comes from.
#[derive(Clone)]
pub struct Clock(Rc<dyn Fn() -> OffsetDateTime>);

impl Clock {
    /// The system clock, in UTC (the local offset is not reliably known in
    /// a multi-threaded program; dates are shown to the day).
    pub fn system() -> Clock {
        Clock::new(OffsetDateTime::now_utc)
    }

    /// A clock that always says `moment`.
    pub fn fixed(moment: OffsetDateTime) -> Clock {
        Clock::new(move || moment)
    }

    /// A clock that asks `now` (tests move it on while the program waits).
    pub fn new(now: impl Fn() -> OffsetDateTime + 'static) -> Clock {
        Clock(Rc::new(now))
    }

    /// The moment now.
    pub fn now(&self) -> OffsetDateTime {
        (self.0)()
    }

    /// Seconds since 1970, as TOTP counts them (0 before 1970).
    pub fn unix(&self) -> u64 {
        self.now().unix_timestamp().max(0) as u64
    }
}

/// Shows the moment, not the function behind it.
impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Clock").field(&self.now()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stays_and_counts_unix_seconds() {
        let moment = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let clock = Clock::fixed(moment);
        assert_eq!(clock.now(), moment);
        assert_eq!(clock.unix(), 1_700_000_000);
        let before_1970 = Clock::fixed(OffsetDateTime::from_unix_timestamp(-5).unwrap());
        assert_eq!(before_1970.unix(), 0);
    }
}
