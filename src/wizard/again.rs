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
    family::{FamilyError, Stage},
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
        let member = self
            .vault
            .family
            .find(name)
            .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
        let name = member.name.clone();
        if member.stage == Stage::Done {
            self.start_anew(&name)?;
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
        let username = self.member(name).username.clone();
        self.prompter.pause(&fl!(
            "wizard-step-1",
            name = name,
            known = if username.is_some() { "yes" } else { "no" },
            username = username.clone().unwrap_or_default(),
            who = crate::phone_check::who(name)
        ))?;
        let (uri, account, picture) = self.read_picture(name, username.as_deref())?;
        let now = self.clock.now();
        self.member_mut(name)
            .replace_key(uri, account, Some(picture), now);
        self.save()?;
        self.continue_member(name)
    }
}
