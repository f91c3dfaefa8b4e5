//! Registering a person again after their Ügyfélkapu+ was cancelled (the
//! phone was lost or stolen): the same steps as a first registration —
//! the new QR code from a screenshot, the typed key, the phone's code, the
//! new deletion code — but for a person already in the bundle. The current
//! key, picture and deletion code go into the person's history first, so
//! nothing is dropped; every step is saved as in the wizard, so an
//! interrupted registration continues where it stopped.

use super::Wizard;
use crate::{
    error::Error,
    family::{FamilyError, OldKeyCheck, Renewal, Stage},
    fl,
    prompter::Prompter,
};

impl<P: Prompter> Wizard<'_, P> {
    /// Registers `name` again with a new phone: step 1 on the portal, the
    /// new screenshot (step 2), then steps 3 to 8 as for anyone. The new
    /// key, picture and deletion code replace the current ones, which stay
    /// in the history. A registration already under way continues from its
    /// step instead. At the end the new screenshots, which hold the key in
    /// the clear, can be deleted.
    pub fn register_again(&mut self, name: &str) -> Result<(), Error> {
        self.renew(name, Renewal::AfterCancellation)
    }

    /// [`Wizard::register_again`] the portal's way given by `how`: after a
    /// cancellation the person applies for Ügyfélkapu+ again; on another
    /// device ("Beállítás másik eszközre") they are logged in with their
    /// current key, nothing is cancelled, and the key moved into the
    /// history waits for the person to try it at the login
    /// ([`OldKeyCheck::Pending`]): no source says the portal retires it.
    pub fn renew(&mut self, name: &str, how: Renewal) -> Result<(), Error> {
        let member = self
            .vault
            .family
            .find(name)
            .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
        let name = member.name.clone();
        if member.stage == Stage::Done {
            self.start_anew_by(&name, how)?;
        } else {
            self.continue_member(&name)?;
        }
        // The new screenshots hold the key in the clear: offered for
        // deletion, each deletion checked, as at the end of the wizard.
        self.offer_picture_deletion()?;
        Ok(())
    }

    /// Registers `name` anew whatever their stage, from the main menu: the
    /// person's current key (finished or not) goes into the history, and
    /// the new one is registered from step 1. At the end the new
    /// screenshots can be deleted.
    pub fn redo(&mut self, name: &str) -> Result<(), Error> {
        let name = self
            .vault
            .family
            .find(name)
            .map(|m| m.name.clone())
            .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
        self.start_anew(&name)?;
        self.offer_picture_deletion()?;
        Ok(())
    }

    /// Step 1 on the portal and a new screenshot for a person already in
    /// the bundle; the current key moves into the history in the same save
    /// that brings the new one, so an interruption before it leaves the
    /// person as they were. Then steps 3 to 8.
    pub(super) fn start_anew(&mut self, name: &str) -> Result<(), Error> {
        self.start_anew_by(name, Renewal::AfterCancellation)
    }

    /// [`Wizard::start_anew`] with step 1 as the portal's way `how` needs.
    fn start_anew_by(&mut self, name: &str, how: Renewal) -> Result<(), Error> {
        let username = self.vault.family.saved(name).username.clone();
        let known = if username.is_some() { "yes" } else { "no" };
        let login = username.clone().unwrap_or_default();
        let who = crate::family::who(name);
        let step = match how {
            Renewal::AfterCancellation => fl!(
                "wizard-step-1",
                name = name,
                known = known,
                username = login,
                who = who
            ),
            Renewal::OtherDevice => fl!(
                "wizard-step-1-other-device",
                name = name,
                known = known,
                username = login,
                who = who
            ),
        };
        self.prompter.pause(&step)?;
        let (uri, account, picture) = self.read_picture(name, username.as_deref())?;
        let now = self.clock.now();
        let member = self.vault.family.saved_mut(name);
        member.replace_key(uri, account, Some(picture), now);
        if how == Renewal::OtherDevice
            && let Some(former) = member.history.last_mut()
        {
            former.old_key_check = Some(OldKeyCheck::Pending);
        }
        self.save()?;
        self.continue_member(name)
    }
}
