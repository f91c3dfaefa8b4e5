# kapukulcs – English messages (Hungarian is the complete fallback).
# Ids say their role: help-, info-, prompt-, warn-, err-, rec-.

## Command line

help-about = Back up and restore Ügyfélkapu+ keys for the whole family.
help-long =
    kapukulcs guides you through the family's Ügyfélkapu+ registration, keeps
    the QR codes and deletion codes in one encrypted file, and shows them
    again after a phone is replaced.
help-usage-heading = Usage
help-commands-heading = Commands
help-options-heading = Options
help-arguments-heading = Arguments
help-help = Print this help
help-version = Print the version
help-lang = Language: hu (Hungarian) or en (English)
help-code = Print the current 6-digit code for a key or otpauth:// URI read from standard input
help-code-time = Compute for this moment (Unix seconds) instead of now
help-decode = Print the otpauth:// URI found in each image, one line per image
help-decode-images = The image files (screenshots or photos of the QR code)
help-code-digits = For a bare key: digits per code (default 6)
help-code-period = For a bare key: seconds per code (default 30)
help-code-algorithm = For a bare key: the algorithm (default SHA1)
help-options-value = OPTIONS
help-command-value = COMMAND
help-value-image = IMAGE
help-value-unix = UNIX_TIME
help-value-seconds = SECONDS

## General

info-seconds-left = {$seconds} s left

## Errors and what to do

err-prefix = Error
rec-prefix = What to do
err-args = Invalid command line: {$detail}
err-args-unknown = unknown option or argument: {$arg}
err-args-subcommand = unknown command: {$arg}
err-args-missing = missing: {$arg}
err-args-value = invalid value: {$arg}
# A word of the command line named by its place; the text is not repeated, as it may hold a key.
args-position = argument {$position} (not repeated here: it may hold a key)
err-args-stdin-only = {$arg} takes only "-": do not put a key or URI on the command line (other programs see it and the shell remembers it). Give "-" and type or paste it on standard input, then Ctrl-D (on Windows Ctrl-Z, Enter).
err-args-other = the command line cannot be understood
rec-args = `kapukulcs --help` lists what is possible.
err-lang = Unknown language after --lang. Use hu or en.
err-stdin-read = Could not read standard input: {$detail}
err-stdin-empty = Standard input is empty: no key and no otpauth:// URI.
rec-stdin-empty = Run kapukulcs code, type or paste the key, then press Enter and Ctrl-D (on Windows Ctrl-Z, Enter). From a file: kapukulcs code < key.txt

## Keys and otpauth:// URIs

err-key-empty = The key is empty.
rec-key = The key is the text shown on the Ügyfélkapu+ page under "Nem tudom beolvasni a kódot" (letters A–Z and digits 2–7).
err-key-char = The key contains a character that cannot be in it: "{$char}" (at position {$position}).
rec-key-char = A key holds only the letters A–Z and the digits 2–7; 0, 1, 8 and 9 never appear. Check for the letters O or I.
err-key-length = A key cannot have this length ({$length} characters): a character is probably missing or extra.
err-uri-scheme = This is not an otpauth:// URI.
rec-uri = The URI starts with otpauth://totp/… – the QR code holds one.
err-uri-hotp = This is a counter-based (HOTP) key; Ügyfélkapu+ uses time-based (TOTP) codes, and kapukulcs handles only those.
err-uri-steam = This is a Steam key: its own codes with letters, not standard TOTP; kapukulcs does not handle it.
err-uri-type = Unknown code type in the otpauth:// URI: what follows otpauth:// is not "totp/".
err-uri-no-secret = The otpauth:// URI has no key (secret=…).
# A bad value is named by its place, never quoted: after a ? typed for &, the key may be in it.
err-uri-algorithm = Unknown algorithm in parameter {$position} of the URI (algorithm=…). Use SHA1, SHA256 or SHA512. Check too that no ? stands for a &.
err-uri-digits = In parameter {$position} of the URI (digits=…), the number of digits can only be 6, 7 or 8. Check too that no ? stands for a &.
err-uri-period = In parameter {$position} of the URI (period=…), the period is invalid: a whole number of seconds from 1 to 3600. Check too that no ? stands for a &.
err-uri-encoding = The otpauth:// URI contains a badly encoded character.

## Images and QR codes

err-image-open = Could not open the image: {$file} ({$detail})
rec-image-open = Check the file's name and folder.
err-image-empty = The image is empty (0 bytes): {$file}
rec-image-again = Take a new screenshot of the QR code and save it again.
err-image-truncated = The image is truncated, its end is missing: {$file}
err-image-not-image = This is not an image: {$file}
rec-image-formats = Give a screenshot or photo as PNG, JPEG, WebP, BMP, GIF or TIFF.
err-image-unsupported = kapukulcs cannot read this image format ({$format}): {$file}
rec-image-unsupported = Save the picture as PNG or JPEG (open it and use Save as), or take a screenshot.
err-image-too-large = The image is too large ({$width} × {$height} pixels): {$file}
rec-image-too-large = kapukulcs reads images of up to {$megapixels} megapixels. Crop around the QR code or take a new screenshot.
err-image-corrupt = The image is damaged and cannot be read: {$file}
err-image-no-pixels = The image has no pixels at all ({$width} × {$height} pixels): {$file}
err-image-no-qr = No QR code found in this image: {$file}
rec-image-no-qr = The whole QR code must be visible, with a white border around it. For a photo hold the phone straight and keep it sharp.
err-image-not-otpauth = The QR code in this image is not an Ügyfélkapu+ key but {$what}: {$file}
rec-image-not-otpauth = Take a picture of the QR code shown while applying for Ügyfélkapu+ (after "Tovább az Ügyfélkapu+ igényléséhez").
what-web-link = a web link ({$text})
what-text = this text: "{$text}"
what-otpauth-bad = a broken otpauth:// URI ({$detail})

## Printable recovery sheet (PDF)

sheet-title = Ügyfélkapu+ recovery sheet
sheet-date = {$year}-{$month}-{$day}
sheet-created = Created: {$date}
sheet-page = page {$page} of {$pages}
sheet-header = SECRET – Ügyfélkapu+ recovery sheet
sheet-secret-heading = SECRET!
sheet-secret-text = Anyone who gets hold of this sheet can, together with the password, log in to Ügyfélkapu as the people listed here.
sheet-secret-keep = Keep it with your important papers, for example in a locked drawer.
sheet-secret-dont = Do not photograph it, scan it, put it in the cloud or send it to anyone.
sheet-what-heading = What is this sheet?
sheet-what-text = This sheet holds the family's Ügyfélkapu+ keys, one page per person. If the phone breaks or is lost, these QR codes make a new phone give the same codes again.
sheet-people-heading = Who is on it?
sheet-person-line = {$name} – page {$page}
entry-name = {$name} ({$username})
sheet-restore-heading = How to restore a phone
sheet-restore-1 = Install the real NISZ Hitelesítő (hu.innobile.niszauth, id1603444961).
sheet-restore-2 = Open it, tap the + sign and allow the camera.
sheet-restore-3 = Scan the QR codes on the following pages one after the other.
sheet-restore-4 = Give every entry a name, for example the username.
sheet-restore-5 = Try it: log in once for everyone, "Ügyfélkapu+ hitelesítő alkalmazással".
sheet-deletion-heading = What is the deletion code for?
sheet-deletion-text = If the phone was lost or stolen, the deletion code switches off Ügyfélkapu+, so the lost phone can no longer be used to log in.
sheet-deletion-1 = Open https://ugyfelkapu.gov.hu in a web browser.
sheet-deletion-2 = Click the “ÜGYFÉLKAPU+ MEGSZÜNTETÉSE” button.
sheet-deletion-3 = Give that person's deletion code from this sheet, without spaces.
sheet-deletion-4 = Then apply for Ügyfélkapu+ again and print a new sheet.
sheet-deletion-office = Without both the phone and the deletion code, Ügyfélkapu+ can only be switched off at a government office (kormányablak).
sheet-label-username = Username
sheet-label-issuer = Issuer
sheet-label-key = Key
sheet-label-deletion = Deletion code
sheet-label-confirmed = Last confirmed
sheet-label-note = Note
sheet-none = –
sheet-deletion-missing = not recorded
sheet-deletion-missing-hint = If the phone is lost, a new one can be had online with the key (kapukulcs lost).
sheet-never-confirmed = never
sheet-steps-heading = How to put it back on the phone
sheet-step-1 = Open the authenticator app on the phone (for example NISZ Hitelesítő).
sheet-step-2 = Tap the + sign and allow the camera.
sheet-step-3 = Point the camera at the QR code above and scan it.
sheet-step-4 = Name the entry: {$entry}
sheet-step-5 = Check: log in with it, "Ügyfélkapu+ hitelesítő alkalmazással".
sheet-step-manual = If the camera does not read the QR code, choose manual setup and type in the key above.

## Bundle contents (cards, read-me)

date-format = {$year}-{$month}-{$day}
card-none = –
card-never = never
card-title = Ügyfélkapu+ – {$name}
card-username = Ügyfélkapu username: {$username}
card-issuer = Issuer: {$issuer}
card-key = Key (for typing by hand): {$key}
card-uri = otpauth:// URI: {$uri}
card-deletion-code = Deletion code (törlőkód): {$code}
card-deletion-code-missing = not saved
card-added = Added: {$date}
card-confirmed = Last confirmed with the phone: {$date}
card-note = Note: {$note}
card-how =
    To restore: in the authenticator app (for example NISZ Hitelesítő) press
    +, and scan qr.png from this folder. If the camera cannot read it, choose
    manual setup and type the key above.
bundle-readme =
    KAPUKULCS BACKUP – READ ME

    This folder holds the family's Ügyfélkapu+ keys. SECRET: whoever has these
    files and the password can log in as you. Do not send them to anyone, do
    not upload them anywhere, and delete them when no longer needed.

    Each family member has a folder (01-en, 02-mama, …). Inside:
      kartya.txt      – name, username, key, otpauth:// URI, deletion code
      qr.png          – a clean QR code that the phone's authenticator app scans
      eredeti-kep.*   – the picture of the QR code saved at the time (if any)

    In the top folder:
      otpauth-cimek.txt – every otpauth:// URI, one per line (other
                          authenticator apps, such as Ente Auth or 2FAS, can
                          import such a list)
      manifest.json     – the same for the kapukulcs program

    To put the codes back on a new or repaired phone, even without kapukulcs:
      1. Open the authenticator app (for example NISZ Hitelesítő).
      2. Press +, and allow the camera.
      3. Open the family member's qr.png on the computer and scan it.
      4. Name the entry after the family member (for example Mama).
      5. Log in to Ügyfélkapu+ with the phone's code to see that it works.
    If the camera cannot read it, choose manual setup and type the key from
    kartya.txt.

    If the phone was lost or stolen: on https://ugyfelkapu.gov.hu/ under
    "ÜGYFÉLKAPU+ MEGSZÜNTETÉSE" the deletion code (kartya.txt) ends the
    device pairing. Without the deletion code: put the key (qr.png) on a
    new phone, log in with it, and under the Ügyfélkapu settings choose
    "Beállítás másik eszközre" for a new QR code and a new deletion code.
    Whether that locks out the old phone is not known for sure: try to log
    in with the old key's code. With neither the key nor the deletion code,
    only a government office (kormányablak) can end Ügyfélkapu+.

    This folder was made by the kapukulcs program ({$root}); the files are in
    standard formats (text, PNG, otpauth://) and work without the program.

## The encrypted bundle

prompt-passphrase = The backup's passphrase
prompt-new-passphrase =
    { $kind ->
        [change] Choose the new passphrase for the backup (it will be encrypted with it from now on)
       *[first] Choose a passphrase for the backup (it will be encrypted with it)
    }
prompt-repeat-passphrase =
    { $kind ->
        [change] Type the new passphrase again
       *[first] Type the same passphrase again
    }
prompt-keep-weak-passphrase = Use this weak passphrase anyway?
warn-weak-passphrase =
    This passphrase is weak: a computer would guess it soon. This one would be strong:
      {$suggestion}
    (Write it down and keep it with the printed sheet.)
warn-wrong-passphrase-again = That is not the passphrase. Try again.
info-opening = Opening the backup… (checking the passphrase is slow on purpose)
info-saving = Encrypting the backup…
err-no-terminal = I would need to ask a question, but the program was not started from a terminal.
rec-no-terminal = Start it from a terminal window, or give the answers as options (for example --passphrase-file).
err-cancelled = Cancelled.
err-terminal = The terminal reported an error: {$detail}
err-output = Could not write to standard output: {$detail}
rec-output = Check where the output goes (is the disk full? can the file be written?) and run it again.
err-no-bundle = There is no backup here yet: {$file}
rec-no-bundle = First add someone (kapukulcs add or kapukulcs setup), or give the backup's location with --bundle.
err-not-a-bundle = This file is not a kapukulcs backup (not age-encrypted): {$file}
rec-not-a-bundle = Check the file name; kapukulcs never overwrites anything else. For a new backup give a file name that does not exist yet.
err-needs-passphrase = This backup is encrypted with a passphrase: {$file}
rec-needs-passphrase = Leave out --identity; the program asks for the passphrase (or use --passphrase-file).
err-needs-identity = This backup is encrypted to an age key, not a passphrase: {$file}
rec-needs-identity = Give the key file with --identity FILE.
err-wrong-identity = None of the given keys opens this backup: {$file}
err-bundle-truncated = The backup is truncated: its end is missing or damaged (for example a copy stopped early): {$file}
err-bundle-tampered = The backup was damaged or changed, so I do not trust it: {$file}
rec-bundle-backup = The file was not touched. { $surface ->
        [menu] If there is a previous version ending in .bak beside it, try that: rename this file (for example add -damaged to its name), take the .bak ending off the other one, then start the program again. Or put another copy in its place.
       *[terminal] If there is a previous version ending in .bak beside it, try that (--bundle FILE.bak), or another copy.
    }
err-bad-recipient = This is not an age public key: "{$value}".
rec-bad-recipient = A public key starts with "age1"; age-keygen prints it.
err-bad-identity-file = This file holds no usable age key: {$file}
err-bundle-contents = The backup opened, but its contents are not a kapukulcs backup or are incomplete: {$file}
err-bundle-newer = A newer version of kapukulcs wrote this backup (format {$version}): {$file}
rec-bundle-newer = Update kapukulcs. Meanwhile the age program can open the backup (age -d FILE | tar x).
err-bundle-missing-file = A file named in the backup's table of contents is missing ({$inner}): {$file}
err-bundle-file-mismatch = A file in the backup does not match its table of contents ({$inner}): {$file}
err-note-too-long =
    { $who ->
        [self] Your note is { $length } characters long; it may be at most { $max } characters.
       *[other] The note for { $name } is { $length } characters long; it may be at most { $max } characters.
    }
rec-note-too-long = Shorten the note (only its beginning fits on the sheet anyway) and give it again.
err-bundle-note-too-long = In this backup the note for { $name } is { $length } characters long; kapukulcs writes at most { $max }, so this backup was not made like this by kapukulcs: { $file }
err-qr-too-long = {$name}'s QR code cannot be drawn: the URI is too long.
rec-qr-too-long = Check the URI; an Ügyfélkapu+ URI is at most a few hundred characters.
err-file-read = Could not read: {$file} ({$detail})
err-file-write = Could not write: {$file} ({$detail}). The previous version is untouched.
err-file-unrelated = Another file is already here; I will not overwrite it: {$file}
err-file-busy = Another kapukulcs (process id {$pid}, started { $when ->
        [now] just now
       *[earlier] {$minutes} minutes ago
    }) is using this bundle right now: {$file}. While it runs, this run changes nothing, so neither overwrites the other.
err-file-busy-unknown = Another kapukulcs { $platform ->
        [windows] (perhaps in another window)
       *[other] (it has only just started)
    } is using this bundle right now: {$file}. While it runs, this run changes nothing, so neither overwrites the other.
rec-file-busy = Finish the other one (in the main menu: Quit), then start this one again. Listing, printing and checking work meanwhile.
err-file-changed = The bundle changed since this run opened it (perhaps another program or a synced folder wrote it): {$file}. I will not overwrite it, or that change would be lost.
rec-file-changed = Start kapukulcs again: it will open the current version. If you typed anything in this run, write it down now.
err-lock-not-plain = The bundle's lock file is not a plain file of its own (it is a link, another name of some other file, or a folder): {$file}. I will not write into it, as that would overwrite another file, and the bundle was not touched.
rec-lock-not-plain = If you did not make it, delete this one file (not the bundle!): {$file}. kapukulcs makes a new one the next time it starts.
info-swept-temporaries = Removed temporary files left half-written in this folder (an earlier run was stopped before it could remove them): {$count}, in {$folder}
info-saved-through-link = {$link} is a link; the bundle was saved to the file it points to: {$file}
save-failed-title = Saving failed. What should I do?
save-failed-retry = Try again (for example after freeing some space or plugging the USB stick back in)
save-failed-elsewhere = Save somewhere else (you type where)
save-failed-show = Show what would be lost, so you can write it down, then quit
save-ask-path = Where should I save? (the path of a file or a folder)
save-moved = From now on I save here: {$file}. { $surface ->
        [menu] The next time it starts, the program looks for the backup in its old place: once that can be written again, copy this file back there ({$old}).
       *[terminal] Next time start with this, so it opens this file: --bundle {$flag}
    }
save-failed-lost = This is not saved yet; write it down now:
save-lost-member = {$name} (username: {$username})
save-lost-member-code = {$name} (username: {$username}), deletion code: {$code}
save-lost-confirmed = when {$name}'s phone was checked (the key is safe; only this mark is missing)
err-passphrase-file = Could not read the passphrase file: {$file} ({$detail})
err-empty-passphrase = The passphrase cannot be empty.
err-passphrase-mismatch = The two passphrases differ. Let us start again.
err-identity-file = Could not read the key file: {$file} ({$detail})

## Family members

err-name-empty = The name cannot be empty.
err-name-taken = There is already a family member with this name: {$name}
rec-name-taken = Choose another name (for example "Mama 2"), or first remove the old one: kapukulcs remove NAME
err-no-such-member = No family member with this name in the backup: {$name}
rec-no-such-member = kapukulcs list shows the family members.
err-deletion-code-empty = The deletion code is empty.
err-deletion-code-digits = The deletion code is made of digits only.
rec-deletion-code = The deletion code (törlőkód) appears after Ügyfélkapu+ pairing, for example: 91390724.
warn-deletion-code-length = This is {$length} digits; the deletion codes seen so far had 8. If the page shows exactly this, it is fine: I will save it.

## Commands: add, list, remove, print, demo

help-bundle = The encrypted backup file (default: in the user's data folder)
help-passphrase-file = Read the backup's passphrase from the first line of this file (for scripts)
help-recipient = For a new backup: encrypt to this age public key instead of a passphrase (may be repeated; later: kapukulcs kulcsok)
help-identity = Open the backup with this age key file (may be repeated)
help-add = Add a family member without questions (from a picture, an otpauth:// URI or a key)
help-add-name = The family member's name as you call them: Én, Mama, Papa…
help-add-username = Their Ügyfélkapu username
help-add-image = The picture saved of the QR code
help-add-uri = The otpauth:// URI from standard input: --uri - (only "-", so the secret never shows on the command line)
help-add-key = The key shown under "Nem tudom beolvasni a kódot", from standard input: --key - (only "-")
help-add-deletion-code = The deletion code (törlőkód) shown after pairing, from standard input: --deletion-code - (only "-", so the code never shows on the command line); with a key or URI, on the line after it
help-add-note = A note
help-list = Show who is in the backup (no secrets)
help-remove = Remove a family member from the backup (after a confirmation)
help-remove-name = The name of the family member to remove
help-remove-yes = Do not ask, remove at once
help-print = Write the printable recovery sheet (PDF)
help-print-output = The PDF file name (default: helyreallito-lap.pdf in the wizard's folder, kapukulcs in your home folder)
help-demo = Demo: makes a backup and a sheet for a made-up family (Én, Mama, Papa), no real account needed
help-demo-dir = Into this folder (default: a new temporary folder)
help-value-file = FILE
help-value-folder = FOLDER
help-value-name = NAME
help-value-username = USERNAME
help-value-text = TEXT
help-value-stdin = STDIN
info-added = Added: {$name} ({$issuer}). Saved to: {$file}
list-name = Name
list-username = Username
list-issuer = Issuer
list-confirmed = Last confirmed
list-deletion-code = Deletion code
list-yes = saved
list-missing = MISSING
prompt-remove = Really remove {$name} from the backup? (The entry on the phone stays.)
info-not-removed = Not removed: {$name}
info-removed = Removed: {$name}. The previous backup remains as a file ending in .bak.
info-sheet-written =
    The recovery sheet is ready ({$count} family members): {$file}
    Print it and keep it with your important papers. Then delete the PDF file: it holds secrets.
demo-note = Demo: a made-up key, not a real account.
info-demo =
    The demo is ready in this folder: {$dir}

    • {$bundle}
          the encrypted backup (age format)
    • {$passphrase_file}
          the backup's passphrase: {$passphrase}
    • {$sheet}
          the printable recovery sheet
    • {$pictures}
          "screenshots" of the QR codes, as you would save them from the Ügyfélkapu+ page

    Try:
      {$program} --bundle {$bundle_arg} --passphrase-file {$passphrase_file_arg} list
      {$program} decode {$picture_arg}
      {$program} decode {$picture_arg} | {$program} code
      age -d {$bundle_arg} | tar x        (passphrase: {$passphrase})

## The wizard (setup step by step)

help-setup = Guides you through the family's Ügyfélkapu+ registration, step by step
help-setup-dir = The working folder: save the screenshots here (default {$dir})
console-press-enter = Press Enter to close this window.
menu-title = What would you like to do?
welcome =
    Welcome to kapukulcs! It keeps the family's Ügyfélkapu+ keys and deletion codes safe, so they can be put back on a new phone at any time.

    The backup will be an encrypted file here: {$file}
    Now choose a passphrase for it. Remember it well: if you forget it, nobody can open the backup, not even this program. That is why you should print the recovery sheet at the end too: it holds everything a restore needs, without the passphrase.
live-quit = (Back to the menu: Enter)
menu-codes-live = The current codes: everyone's, live
menu-passphrase = Change the backup's passphrase
menu-demo = A demo with a made-up family (to try things out)
menu-setup = New registration / add a family member
menu-print = Print the recovery sheet
menu-list = Who is in the backup?
menu-person = Register one family member again, or remove them
menu-person-empty = There is no one in the backup yet. Add the family first: "New registration / add a family member".
menu-person-which = Whose data?
menu-person-what =
    { $who ->
        [self] What shall we do with your own data?
       *[other] What shall we do with {$name}'s data?
    }
menu-person-redo = Register again (a new QR code on Ügyfélkapu; the current key goes into the history)
menu-person-remove = Remove from the backup
menu-back = Back
prompt-redo =
    { $who ->
        [self] Register yourself again? You ask Ügyfélkapu for a new QR code; your current key and deletion code stay in the history.
       *[other] Register {$name} again? You ask Ügyfélkapu for a new QR code; their current key and deletion code stay in the history.
    }
menu-quit = Quit
wizard-intro =
    We will now go through the family's Ügyfélkapu+ registration, one
    person at a time. Everything is saved here, encrypted: {$bundle}
    { $yourself ->
        [missing] As the guide advises, start with yourself (your name here: Me), then the
    others, for example Mum and Dad.
       *[saved] Your own details are saved already; now the others, for example Mum and Dad.
    }
    You can stop at any time (Ctrl-C): what is done stays, and next time we
    continue from there.
wizard-resume =
    { $who ->
        [self] Your own registration was interrupted ({$step}). What now?
       *[other] {$name}'s registration was interrupted ({$step}). What now?
    }
wizard-resume-continue = Continue where it stopped
wizard-resume-restart = Start again (a new QR code; the unfinished key goes into the history)
wizard-resume-skip = Skip for now
wizard-name-taken =
    { $who ->
        [self] Your own data is already in the backup. What now?
       *[other] There is already a family member called {$name} in the backup. What now?
    }
wizard-name-taken-redo =
    { $who ->
        [self] Register you again (a new QR code; your current key goes into the history)
       *[other] Register {$name} again (a new QR code; their current key goes into the history)
    }
wizard-name-taken-other = Type another name
wizard-resume-step-key = checking the key is next
wizard-resume-step-phone = checking the phone's code is next
wizard-resume-step-deletion = the deletion code is missing
wizard-add-someone = Add someone now?
wizard-next-person = Go on with the next family member?
wizard-ask-name =
    { $yourself ->
        [missing] Whom are we registering? The name you call them (start with yourself: Me; then for example Mum, Dad)
       *[saved] Whom are we registering? The name you call them (for example Mum, Dad)
    }
wizard-ask-username =
    { $who ->
        [self] Your own Ügyfélkapu username (leave empty if you do not know it)
       *[other] {$name}'s Ügyfélkapu username (leave empty if you do not know it)
    }
wizard-step-1 =
    Step 1 – On the Ügyfélkapu site
      • Open a private (incognito) browser window and go to https://ugyfelkapu.gov.hu/
      • To log in, choose the old password-only "Ügyfélkapu" button: it now serves only to apply for Ügyfélkapu+.
      • { $who ->
            [self] Log in with your own OLD Ügyfélkapu username{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            } and password.
           *[other] Log in with {$name}'s OLD Ügyfélkapu username{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            } and password.
        }
      • Do NOT click "Ügyfélkapu+ igénylés e-mailes kóddal" (by e-mail code): this program is for the authenticator app.
      • Click "Ügyfélkapu+ igénylése", then "Tovább az Ügyfélkapu+ igényléséhez".
      • A QR code appears. Stop here: do not scan it with the phone yet!
    Press Enter when you see the QR code.
wizard-step-2 =
    Step 2 – Take a picture of { $who ->
        [self] your own QR code
       *[other] the QR code ({$name})
    }
      • { $platform ->
            [windows] Press Windows + Shift + S (Snipping Tool) and select the QR code.
            [macos] Press Cmd + Shift + 4 and select the QR code (the picture goes to the Desktop).
           *[other] Use the Snipping Tool (Windows + Shift + S) or the Print Screen key.
        }
      • { $platform ->
            [windows] Click the notification that appears, then Save (Ctrl + S), and save the picture into this folder:
            [macos] Drag the picture into this folder:
           *[other] Save the picture into this folder:
        }
        → {$folder}
      The program notices by itself as soon as the picture appears there.
      (Or drag the picture file here, or type its path, and press Enter.)
wizard-waiting = Waiting for the picture…
wizard-read-qr =
    { $from ->
        [clipboard] Read the Ügyfélkapu+ QR code from the clipboard: account: {$account}
        [screenshots] Read the Ügyfélkapu+ QR code from the system's screenshot folder ({$file}): account: {$account}
        [folder] Read the Ügyfélkapu+ QR code from the folder ({$file}): account: {$account}
       *[path] Read the Ügyfélkapu+ QR code from the file given ({$file}): account: {$account}
    }
wizard-key-known-own-cancelled =
    { $who ->
        [self] This picture shows your own CANCELLED key (an old screenshot): it no longer logs in, so it cannot be your new key.
       *[other] This picture shows {$name}'s CANCELLED key (an old screenshot): it no longer logs in, so it cannot be their new key.
    }
wizard-key-known-own-current =
    { $who ->
        [self] This picture shows your current key (an old screenshot), not the new one.
       *[other] This picture shows {$name}'s current key (an old screenshot), not the new one.
    }
wizard-key-known-own-former =
    { $who ->
        [self] This picture shows one of your former keys, no longer valid (an old screenshot).
       *[other] This picture shows one of {$name}'s former keys, no longer valid (an old screenshot).
    }
wizard-key-known-other =
    { $other_who ->
        [self] This picture shows your own key, not {$name}'s: a key belongs to one person only.
       *[other] { $who ->
            [self] This picture shows {$other}'s key, not yours: a key belongs to one person only.
           *[other] This picture shows {$other}'s key, not {$name}'s: a key belongs to one person only.
        }
    }
wizard-key-known-other-former =
    { $other_who ->
        [self] This picture shows one of your own old keys, no longer valid, not {$name}'s.
       *[other] { $who ->
            [self] This picture shows one of {$other}'s old keys, no longer valid, not yours.
           *[other] This picture shows one of {$other}'s old keys, no longer valid, not {$name}'s.
        }
    }
warn-qr-username =
    { $who ->
        [self] Note: this QR code's account is {$account}, but your username is {$username}. It may be someone else's QR code.
       *[other] Note: this QR code's account is {$account}, but {$name}'s username is {$username}. It may be someone else's QR code.
    }
prompt-qr-username =
    { $who ->
        [self] Is this really your own QR code?
       *[other] Is this really {$name}'s QR code?
    }
wizard-key-known-next = I am not using this picture. Take a picture of the QR code the Ügyfélkapu page shows NOW.
wizard-step-3 =
    Step 3 – The key's characters
      • On the page click "Nem tudom beolvasni a kódot".
      • Copy the characters shown here (or type them).
      To skip this, just press Enter.
wizard-ask-key = The characters
wizard-key-skipped = All right, skipped. The key from the QR code is already saved.
wizard-key-matches = The typed characters are the same key as the QR code's. Good.
wizard-key-stale =
    The typed characters are NOT the same key as the QR code's: one of them is old
    (you probably pressed "Új kódot kérek"). Take a new picture of the current QR
    code; then I will ask for the characters again.
wizard-step-4 =
    Step 4 – On the phone
      • Open the authenticator app. Any TOTP app works; if you choose NISZ Hitelesítő, get the real one (the stores advertise imitations): Google Play: hu.innobile.niszauth, App Store: id1603444961.
      • Press +, and allow the camera.
      • If the page shows the characters, click "Inkább kérem a QR-kódot": the QR code appears again.
      • Scan the QR code with the phone.
      • Name the entry: {$entry}
wizard-code-window = The current code is valid for: {$bar} {$seconds} s
wizard-wait-next-code = Only {$seconds} s left of this code: let us wait for the next one.
wizard-countdown = Until the next code
wizard-ask-code =
    { $who ->
        [self] Step 5 – Type the code the phone now shows in your own line
       *[other] Step 5 – Type the code the phone now shows in {$name}'s line
    }
wizard-code-format = The code has {$digits} digits. Type it again.
wizard-code-ok = The phone shows the right code. The key is fine.
wizard-clock-ahead = That is not the current code: the phone's clock is {$seconds} seconds fast. Set the phone's date and time to automatic, then type the new code.
wizard-clock-behind = That is not the current code: the phone's clock is {$seconds} seconds slow. Set the phone's date and time to automatic, then type the new code.
wizard-code-other-member =
    { $other_who ->
        [self] That is your own code, not {$name}'s: you are looking at the wrong line on the phone. Look at the entry named {$name}.
       *[other] { $who ->
            [self] That is {$other}'s code, not yours: you are looking at the wrong line on the phone. Look at your own entry ({$name}).
           *[other] That is {$other}'s code, not {$name}'s: you are looking at the wrong line on the phone. Look at the entry named {$name}.
        }
    }
wizard-code-own-former =
    { $who ->
        [self] This is your OLD key's code: you are looking at the old entry on the phone. Find the new one (just scanned) and type its code.
       *[other] This is {$name}'s OLD key's code: you are looking at the old entry on the phone. Find the new one (just scanned) and type its code.
    }
wizard-code-stale-key =
    This code belongs to none of the saved keys: the entry on the phone holds a different
    key (you probably scanned an earlier QR code). Delete the entry on the phone (long
    press, then the red delete button), scan the QR code on the screen again, and type
    the new code.
wizard-saved =
    { $who ->
        [self] Your key is checked and saved.
       *[other] {$name}'s key is checked and saved.
    }
wizard-step-7 =
    Steps 6–7 – Back on the Ügyfélkapu site ({ $who ->
        [self] yours
       *[other] {$name}
    })
      • { $who ->
            [self] Type your Ügyfélkapu password and the code the phone shows now.
           *[other] Type {$name}'s Ügyfélkapu password and the code the phone shows now.
        }
      • Click "Tovább", then "Mentés".
      • The DELETION CODE (törlőkód) appears. Type it at the next question.
      • Then tick "A fenti törlőkód mentéséről gondoskodtam" and click "Befejezés".
    Press Enter when you see the deletion code.
wizard-ask-deletion-code =
    { $who ->
        [self] Your deletion code, without spaces, as the page shows it (for example 91390724)
       *[other] {$name}'s deletion code, without spaces, as the page shows it (for example 91390724)
    }
wizard-deletion-code-readback = I am saving this deletion code: {$code}. Is it exactly what the page shows?
warn-deletion-code-known =
    { $known ->
        [own-former] { $who ->
            [self] Note: this is your OLD deletion code, the cancelled key's.
           *[other] Note: this is {$name}'s OLD deletion code, the cancelled key's.
        }
       *[other] { $other_who ->
            [self] Note: this is your own deletion code.
           *[other] Note: this is {$other}'s deletion code.
        }
    } A new registration gives a new deletion code: check what the page shows NOW.
wizard-step-8 =
    Step 8 – Done ({ $who ->
        [self] yours
       *[other] {$name}
    })
      • Log out of Ügyfélkapu and close the private window.
    Press Enter to go on.
wizard-sheet =
    The recovery sheet is ready: {$file}
    Print it and keep it with your important papers.
wizard-summary-title = Summary:
wizard-summary-done = done (key checked, deletion code saved)
wizard-summary-unconfirmed = MISSING: checking the phone's code
wizard-summary-no-deletion-code = MISSING: the deletion code
wizard-delete-pictures = Delete them ({$count} pictures)?
wizard-pictures-deleted = Deleted {$count} pictures.
answer-yes = Yes
answer-no = No
prompt-picture-path = The picture's path

## Restore, check, import, export

help-restore = After a phone is replaced or repaired: shows the QR codes one by one and checks the phone's codes
help-restore-only = Only this family member (may be repeated)
help-restore-png = Without questions: write QR pictures into this folder, one per person
help-restore-pdf = Without questions: write the recovery sheet again to this file
help-restore-google = Google Authenticator "Transfer accounts" codes: the whole family in one scan
help-check = Whose code is this? Type the codes the phone shows and I tell you whose they are
help-check-codes = The codes (asked one by one when not given)
help-check-live = Everyone's current code with a countdown, like an authenticator app
help-import = Read another authenticator app's backup (Google transfer QR code, Aegis JSON, otpauth list)
help-import-files = The files: a screenshot of the transfer QR code, an Aegis JSON export or an otpauth:// list
help-export = Write the accounts for another app (Aegis JSON or otpauth:// list) – unencrypted!
help-export-format = The format: aegis or uri
help-export-output = The new file's name (an existing file is never overwritten)
restore-person =
    {$name}
    On the phone: authenticator app → + → scan this QR code. Name the entry: {$entry}
restore-key = If the camera cannot read it, the key for manual setup: {$key}
restore-confirmed =
    { $who ->
        [self] Your key works on the phone; the time of the check is saved.
       *[other] {$name}'s key works on the phone; the time of the check is saved.
    }
restore-skipped-cancelled =
    { $who ->
        [self] Your own key is left out: it was cancelled ({$date}) and no longer logs in. To register again: in the menu, "The phone was lost or stolen".
       *[other] {$name} is left out: their key was cancelled ({$date}) and no longer logs in. To register again: in the menu, "The phone was lost or stolen".
    }
restore-done = Done: {$count} accounts restored and checked.
restore-google = Google Authenticator transfer code ({$index}/{$count}): in Google Authenticator "Transfer accounts" → "Import accounts", and scan it.
restore-google-next = Press Enter when it is scanned.
warn-google-period =
    { $who ->
        [self] Your key does not change every 30 seconds, so a Google transfer code cannot carry it; restore yours on its own.
       *[other] {$name}'s key does not change every 30 seconds, so a Google transfer code cannot carry it; restore them one by one.
    }
check-intro = Type the codes the phone shows, one after another; an empty line quits.
check-ask = Code
check-belongs =
    { $who ->
        [self] {$code}: this is your code.
        [mixed] {$code}: this is your code, and {$names}'s as well.
       *[other] {$code}: this is {$names}'s code.
    }
check-empty = There is no one in the backup yet, so there is nothing to compare this code with. Add the family first: in the menu, "New registration / add a family member".
check-format = This is not a code: the phone shows 6 digits (spaces do not matter). Probably a typing error; type it again.
check-near =
    { $who ->
        [self] {$code}: this is one digit off your own current code, so it was probably mistyped. Look at the phone again and type it once more.
       *[other] {$code}: this is one digit off {$name}'s current code, so it was probably mistyped. Look at the phone again and type it once more.
    }
check-clock =
    { $who ->
        [self] {$code}: this is your own code, but not the current one
       *[other] {$code}: this is {$name}'s code, but not the current one
    }: the phone's clock is {$seconds} seconds { $direction ->
        [ahead] fast
       *[behind] slow
    }. The entry is right; set the date and time on the phone to automatic.
check-nobody = {$code}: this code belongs to no saved account, not even 10 minutes earlier or later. Is it exactly what the phone shows? If so, this entry may be left over from an earlier try: is there another entry for the same family member whose code I recognise? Delete it only if there is.
check-live-title = Everyone's current code:
check-live-quit = (Quit: Ctrl-C)
check-live-seconds = {$seconds} s
import-found = Found {$count} accounts:
import-found-item = {$number}. {$issuer} – {$account}
import-ask = {$label}: add it to the family?
import-take = Yes, add it
import-skip = No, skip it
import-ask-name = Whose account is this ({$label})? The name you call them
import-done = Done: {$count} accounts added and checked.
export-done = Wrote {$count} accounts to: {$file}
warn-export-unencrypted = Note: this file is NOT encrypted. Import it into the other app, then delete it at once.
err-import-migration-damaged = The Google transfer code is truncated or damaged: {$file}
err-import-migration-version = The Google transfer code has an unknown version ({$version}): {$file}
err-import-aegis-encrypted = This Aegis backup is encrypted; I cannot read it: {$file}
rec-import-aegis-encrypted = In Aegis: Settings → Import & Export → Export, and turn encryption off (plain JSON). Delete the file after importing.
err-import-aegis-malformed = This is not a readable Aegis backup ({$detail}): {$file}
err-import-aegis-version = Unknown Aegis version ({$version}): {$file}
err-import-nothing = I found no account in it: {$file}
err-import-bad-lines = These lines are not otpauth:// URIs: {$lines}: {$file}
rec-import = In Google Authenticator: "Transfer accounts" → "Export accounts", and take a screenshot of the QR codes; or export plain JSON (Aegis) or an otpauth list (Ente Auth, 2FAS).
rec-import-again = Take a new screenshot or export, and try again.
menu-check = Whose code is this?
menu-restore = Restore onto a new or repaired phone
restore-ask-code =
    { $who ->
        [self] Type the code the phone now shows in your own line
       *[other] Type the code the phone now shows in {$name}'s line
    }
sheet-people-more = … and {$count} more

## Pictures: bounds and secret-free messages (issue 11)
what-transfer = a Google Authenticator transfer code (not shown, as it holds keys)
what-key-text = a text that may hold a key (not shown)
rec-image-transfer = Google Authenticator transfer codes are read by import: kapukulcs import IMAGE
rec-image-too-long = kapukulcs reads images of up to {$side} pixels wide and high. Crop around the QR code or take a new screenshot.
err-image-file-too-large = The file is too large for an image (over {$megabytes} MB): {$file}
rec-image-file-too-large = Save the image as PNG or JPEG, or take a new screenshot.

## Imports: skipped entries (issue 10)
import-skipped = Left out ({$count}):
import-skipped-line = line {$line}: {$name} – {$reason}
import-skipped-entry = {$name} – {$reason}
import-skipped-noname = (no name)
skip-reason-hotp = a counter-based (HOTP) key; Ügyfélkapu+ uses time-based (TOTP) codes
skip-reason-steam = a Steam key: its own codes with letters, not standard TOTP
# $how: quoted (a short value that cannot hold a key), parameter (parameter $position of the URI), none (the text may hold a key: not shown).
skip-reason-type = { $how ->
        [quoted] unknown code type: "{$value}"
       *[other] unknown code type
    }
skip-reason-algorithm = { $how ->
        [quoted] unknown algorithm: "{$value}" (only SHA1, SHA256 or SHA512)
        [parameter] unknown algorithm in parameter {$position} (only SHA1, SHA256 or SHA512)
       *[other] unknown algorithm (only SHA1, SHA256 or SHA512)
    }
skip-reason-digits = { $how ->
        [quoted] the number of digits is "{$value}"; it can only be 6, 7 or 8
        [parameter] in parameter {$position}, the number of digits is not 6, 7 or 8
       *[other] the number of digits is not 6, 7 or 8
    }
skip-reason-period = { $how ->
        [quoted] the code lasts "{$value}" seconds; it must be between 1 and 3600
        [parameter] in parameter {$position}, the period is not between 1 and 3600 seconds
       *[other] the period is not between 1 and 3600 seconds
    }
skip-reason-key = the key is missing or broken
skip-reason-unreadable = unreadable (not an otpauth:// URI, or a damaged entry)

## Keys and damaged files (issue 10)
err-wrong-passphrase-or-header = Wrong passphrase – or, if the passphrase is surely right, the backup's header is damaged (the file cannot tell the two apart): {$file}
rec-wrong-passphrase-or-header = Mind upper and lower case and the keyboard layout (for example y and z). { $surface ->
        [menu] If you are sure of the passphrase, try the previous version ending in .bak: rename the backup file (for example add -damaged to its name), take the .bak ending off the one beside it, then start the program again.
       *[terminal] If you are sure of the passphrase, try the previous version ending in .bak (--bundle FILE.bak).
    } The backup has not changed.
err-bundle-header = The backup's header (its beginning, which holds the key) was damaged or changed, so it cannot be opened: {$file}
err-bundle-appended = Foreign data was added after the end of the backup (for example two files were joined): {$file}
rec-bundle-appended = The file was not touched. The backup itself is the first {$whole} bytes: try the previous version ending in .bak, or cut the file to that size (on Linux and macOS: truncate -s {$whole} FILE).
err-bundle-work-too-high = This backup asks for scrypt work 2^{$factor} for its passphrase; kapukulcs accepts at most 2^{$max} (already 4 GiB of memory and several seconds): {$file}
rec-bundle-work-too-high = Open it on the computer that made it (or with the age tool) and give it a new passphrase there: kapukulcs jelszo. New passphrase backups ask for 2^{$factor} and open on any computer.
err-bundle-memory = The passphrase of this backup needs {$mib} MiB of memory, which the program cannot get now: {$file}
rec-bundle-memory = Close other programs and try again, or open it on a computer with more memory (the age tool works too) and give it a new passphrase there: kapukulcs passphrase. New passphrase backups ask for 2^{$factor} (256 MiB).
warn-bundle-resealed = This backup was last encrypted by another program (the age tool, for example), not by kapukulcs, so the list of keys inside it may no longer be true: {$file}
    It opened with this key: {$opener}. The next save is made for this key only.
    { $count ->
        [one] The other key on the list is left out
       *[other] The other {$count} keys on the list are left out
    }: {$keys}. If they must open it too, add them: kapukulcs recipients --add age1…
info-opening-slow = This backup's passphrase asks for stronger protection than usual (2^{$factor}), so opening is slower: about {$seconds} seconds on an ordinary computer.
err-recipient-for-passphrase = This backup opens with a passphrase; --recipient only chooses the keys of a new backup: {$file}
rec-recipient-for-passphrase = To lock it to keys: kapukulcs kulcsok --add age1…; for a new passphrase: kapukulcs jelszo.
err-recipient-new = --recipient only chooses the keys of a new backup, and this key is not one of this backup's keys: {$value}
rec-recipient-new = To add a key: kapukulcs kulcsok --add {$value}
err-not-a-recipient = This key is not one of the backup's keys, so it cannot be removed: {$value}
rec-not-a-recipient = See the backup's keys with: kapukulcs kulcsok. The backup has not changed.
err-no-recipients-left = With every key removed, nothing would open the backup: {$file}
rec-no-recipients-left = Keep at least one key, or switch the backup to a passphrase: kapukulcs jelszo. The backup has not changed.
help-passphrase = Give the backup a new passphrase (switches a backup locked to age keys to a passphrase)
help-new-passphrase-file = The new passphrase is the first line of this file (for scripts)
help-keys = Show or change which age keys open the backup (switches a passphrase backup to keys)
help-keys-add = Add this age public key too (may be given more than once)
help-keys-remove = Remove this age public key; it no longer opens the backup (may be given more than once)
help-keys-yes = Do not ask when the backup switches between a passphrase and keys, or when none of the key files given (-i) will open it
prompt-switch-to-passphrase = This backup opened with {$count} age keys so far. Switch it to a passphrase? Those keys will no longer open it.
prompt-switch-to-keys = This backup opened with a passphrase so far. Switch it to the given keys? The passphrase will no longer open it.
warn-keys-none-at-hand = Careful: from now on the backup opens only with { $count ->
        [one] this key
       *[other] these keys
    }: {$keys}. None of the key files given now (-i) holds its secret key, so if you mistyped it or took away the wrong key, nobody will be able to open it. (In a script: --yes.)
prompt-keys-none-at-hand = Are you sure someone has the secret key? Save it like this?
info-keys-passphrase = This backup opens with a passphrase; no age key opens it. To lock it to keys: kapukulcs kulcsok --add age1…
info-keys-list = These age keys open the backup ({$count}):
info-keys-changed = Done. From now on these age keys open the backup ({$count}):
info-keys-unchanged = Nothing changed: these are already the backup's keys.
info-new-passphrase-next = Now the NEW passphrase: type it twice. (The old one is not asked again.)
info-nobody-yet = There is no one in the backup yet. { $surface ->
        [menu] Add the family first: choose "New registration / add a family member" in the menu.
       *[terminal] Add the family first: kapukulcs setup (or start the program without a command and choose "New registration / add a family member" in the menu).
    }
info-empty-bundle-saved = I saved the still empty backup here: {$file}. Next time only its passphrase is asked.
info-passphrase-changed = Done: the backup has a new passphrase: {$file}
info-switched-to-passphrase = Done: the backup now opens with a passphrase; the former keys do not open it: {$file}
info-keys-not-changed = Nothing was changed.
info-old-keys-in-backup = The previous version was kept: {$backup}. It still opens with the old passphrase or keys; if those may have fallen into the wrong hands, delete it.

## Lost or stolen phone (issue 13)
help-lost = The phone was lost or stolen: cancels each family member's Ügyfélkapu+ with their deletion code, then registers them again with the new phone
help-lost-only = Only this family member (may be given more than once)
help-lost-dir = The working folder for the screenshots of the new registrations (default {$dir})
menu-lost = The phone was lost or stolen
lost-empty = There is nobody in the backup yet, so there is nothing to cancel.
lost-intro =
    The phone was lost or stolen
    What happens now, and why:
      • Each family member's Ügyfélkapu+ is cancelled with their own deletion code. That makes the lost phone useless: nobody can log in as you with it any more.
      • Anyone without a saved deletion code moves their Ügyfélkapu+ to the new phone online, with the key from the backup.
      • Then everyone registers again with the new phone: a new QR code and a new key, and a new deletion code.
      • We go through one person at a time. Every answer is saved at once; if you have to stop, the next run continues from there.
    The old keys and deletion codes are not lost: the backup keeps them, marked as no longer valid.
    Press Enter to begin.
lost-resume = An earlier cancellation was interrupted (started {$date}). Still to do: {$names}. Continue from there?
lost-already-done = {$name}: the earlier run finished this one; skipping.
lost-person =
    ━━━━━━━━ {$name} ━━━━━━━━
    Ügyfélkapu username: {$username}
lost-username-unknown = not recorded
lost-code =
    { $who ->
        [self] Your deletion code: {$code}
       *[other] {$name}'s deletion code: {$code}
    }

    {$big}
lost-steps =
    { $who ->
        [self] How to cancel your Ügyfélkapu+:
       *[other] How to cancel {$name}'s Ügyfélkapu+:
    }
      1. Open a private (incognito) browser window and go to https://ugyfelkapu.gov.hu/
      2. On the login page, click „ÜGYFÉLKAPU+ MEGSZÜNTETÉSE” (cancel Ügyfélkapu+).
      3. Follow the page. When it asks, give { $who ->
            [self] your details
           *[other] {$name}'s details
        } and the deletion code above in one piece, without spaces, as shown here.
      4. When the page says Ügyfélkapu+ has been cancelled, you are done.
    { $who ->
        [self] Have at hand: your Ügyfélkapu username ({$username}) and password, and this deletion code.
       *[other] Have at hand: {$name}'s Ügyfélkapu username ({$username}) and password, and this deletion code.
    }
lost-ask-worked =
    { $who ->
        [self] Did cancelling your Ügyfélkapu+ work?
       *[other] Did cancelling {$name}'s Ügyfélkapu+ work?
    }
lost-worked = Yes, it worked
lost-failed = No, it did not work
lost-failed-next =
    { $who ->
        [self] No harm done: nothing about you was changed; your key is still recorded as valid.
       *[other] No harm done: nothing about {$name} was changed; the key is still recorded as valid.
    }
    What you can do:
      • { $who ->
            [self] Check that you typed exactly this deletion code, and used your own username.
           *[other] Check that you typed exactly this deletion code, and used {$name}'s username.
        }
      • Try again a little later: the next run continues from here ({$next}).
      • { $who ->
            [self] If it still does not work, a government office (kormányablak) can cancel Ügyfélkapu+ too: take your identity card (or your passport or card-format driving licence).
           *[other] If it still does not work, a government office (kormányablak) can cancel Ügyfélkapu+ too: {$name} should take their identity card (or passport or card-format driving licence).
        }
lost-no-code =
    { $who ->
        [self] Your deletion code was not saved and your key does not log in, so only a government office (kormányablak) can cancel your Ügyfélkapu+:
       *[other] {$name}'s deletion code was not saved and their key does not log in, so only a government office (kormányablak) can cancel their Ügyfélkapu+:
    }
      • { $who ->
            [self] Go to a kormányablak in person. You can book an appointment online without logging in.
           *[other] {$name} goes to a kormányablak in person. An appointment can be booked online without logging in.
        }
      • { $who ->
            [self] Take your identity card (or your passport or card-format driving licence).
           *[other] They take their identity card (or passport or card-format driving licence).
        }
      • { $who ->
            [self] Say the phone was lost and you want your Ügyfélkapu+ cancelled; your username: {$username}.
           *[other] They say the phone was lost and they want their Ügyfélkapu+ cancelled; their username: {$username}.
        }
    Until then the key on the lost phone stays valid.
lost-ask-office =
    { $who ->
        [self] Has the kormányablak cancelled your Ügyfélkapu+ yet?
       *[other] Has the kormányablak cancelled {$name}'s Ügyfélkapu+ yet?
    }
lost-office-done = Yes, it is cancelled
lost-office-later = Not yet, later
lost-office-later-saved =
    { $who ->
        [self] Noted: your Ügyfélkapu+ is still to be cancelled. Once it is, continue: {$next}
       *[other] Noted: {$name}'s Ügyfélkapu+ is still to be cancelled. Once it is, continue: {$next}
    }
lost-cancelled-saved =
    { $who ->
        [self] Saved: your Ügyfélkapu+ is cancelled ({$date}). Your old key and deletion code are kept, marked as no longer valid.
       *[other] Saved: {$name}'s Ügyfélkapu+ is cancelled ({$date}). The old key and deletion code are kept, marked as no longer valid.
    }
lost-already-cancelled =
    { $who ->
        [self] Your Ügyfélkapu+ is already cancelled ({$date}).
       *[other] {$name}'s Ügyfélkapu+ is already cancelled ({$date}).
    }
lost-ask-again =
    { $who ->
        [self] Register your Ügyfélkapu+ again now, with the new phone? (A new QR code, a new key and a new deletion code.)
       *[other] Register {$name}'s Ügyfélkapu+ again now, with the new phone? (A new QR code, a new key and a new deletion code.)
    }
lost-continue =
    { $surface ->
        [menu] choose "The phone was lost or stolen" in the menu
       *[terminal] kapukulcs lost --only "{$name}"
    }
lost-again-later = All right. To register again later: {$next}
lost-again-resume =
    { $who ->
        [self] Your new registration was interrupted ({$step}). Continue?
       *[other] {$name}'s new registration was interrupted ({$step}). Continue?
    }
lost-again-done =
    { $who ->
        [self] You are registered again: your new key and deletion code are saved, the old ones are kept in your history.
       *[other] {$name} is registered again: the new key and deletion code are saved, the old ones are kept in their history.
    }
lost-summary-title = Summary:
lost-summary-sheet = Print a new recovery sheet ({ $surface ->
        [menu] in the menu: "Print the recovery sheet"
       *[terminal] kapukulcs print
    }) and destroy the old one: the cancelled keys and deletion codes are no longer valid.
lost-state-cancelled = CANCELLED ({$date})
lost-state-pending = LOST PHONE: still to be cancelled (reported {$date})
lost-state-renewed = registered again ({$date})
lost-state-registering = new registration under way
lost-state-valid = valid
lost-online =
    { $who ->
        [self] Your deletion code was not saved, but your key is in the backup. So you can put things right online, without a government office:
       *[other] {$name}'s deletion code was not saved, but their key is in the backup. So this can be put right online, without a government office:
    }
      1. The key goes onto the new phone, and the program checks its code.
      2. { $who ->
            [self] You log in with it and, in the Ügyfélkapu settings, choose „Beállítás másik eszközre” (set up on another device): it gives a new QR code and a new deletion code.
           *[other] You log in with it as {$name} and, in the Ügyfélkapu settings, choose „Beállítás másik eszközre” (set up on another device): it gives a new QR code and a new deletion code.
        }
      3. The program takes you through it like a registration; the old key goes into the history.
    No public source says whether this locks out the lost phone. So at the end you see the old key's current code: if Ügyfélkapu no longer accepts it, the lost phone cannot log in.
lost-online-qr-ask = Where will the new phone read the key from?
lost-online-qr-here = Show the QR code here, in the terminal
lost-online-qr-sheet = From the printed recovery sheet
lost-online-qr-sheet-how =
    { $who ->
        [self] In the authenticator app press +, and scan the QR code on your own page of the recovery sheet. Name the entry: {$entry}
       *[other] In the authenticator app press +, and scan the QR code on {$name}'s page of the recovery sheet. Name the entry: {$entry}
    }
lost-online-login =
    { $who ->
        [self] Now log in with the key: https://ugyfelkapu.gov.hu/ → „Ügyfélkapu+ hitelesítő alkalmazással” → your username ({$username}), your password and the code the phone shows now.
       *[other] Now log in with the key: https://ugyfelkapu.gov.hu/ → „Ügyfélkapu+ hitelesítő alkalmazással” → {$name}'s username ({$username}), password and the code the phone shows now.
    }
lost-online-ask-login = Did the login work?
lost-online-logged-in = Yes, I am logged in
lost-online-refused = No, the page does not accept the code
lost-online-later = Not now, later
lost-online-later-saved =
    { $who ->
        [self] Noted: setting up on another device is still to do. To continue: {$next}
       *[other] Noted: setting up {$name} on another device is still to do. To continue: {$next}
    }
lost-old-check =
    { $who ->
        [self] Last, let us see whether the lost phone is locked out. Log out of Ügyfélkapu and log in again, but this time with your OLD key's code:
       *[other] Last, let us see whether the lost phone is locked out. Log out of Ügyfélkapu and log in again as {$name}, but this time with the OLD key's code:
    }
      The old key's current code: {$code}   {$bar} {$seconds} s
lost-old-check-ask = What did Ügyfélkapu say to the old code?
lost-old-check-refused = It refused it: the old key no longer works
lost-old-check-works = It let me in: the old key still works
lost-old-check-later = I will not try it now
lost-old-check-refused-saved = Saved: the old key no longer logs in ({$date}); the lost phone is locked out.
lost-old-check-works-saved =
    { $who ->
        [self] Saved: your old key still works ({$date}), so the lost phone can still log in as you. You have a deletion code now: cancel your Ügyfélkapu+ with it, then register again. The program continues with that: {$next}
       *[other] Saved: {$name}'s old key still works ({$date}), so the lost phone can still log in as them. They have a deletion code now: cancel their Ügyfélkapu+ with it, then register again. The program continues with that: {$next}
    }
lost-old-check-later-saved = Noted: trying the old key is still to do. To continue: {$next}
lost-old-check-resume =
    { $who ->
        [self] You have not tried your old key since setting up on another device.
       *[other] You have not tried {$name}'s old key since setting up on another device.
    }
lost-renew-intro =
    { $who ->
        [self] A new deletion code: yours is lost, but your phone works. Your Ügyfélkapu+ need not be cancelled:
       *[other] A new deletion code: {$name}'s is lost, but the phone works. Their Ügyfélkapu+ need not be cancelled:
    }
      1. You log in with the phone's code and, in the Ügyfélkapu settings, choose „Beállítás másik eszközre” (set up on another device): it gives a new QR code and a new deletion code.
      2. The program takes you through it like a registration; the old key goes into the history.
      3. At the end you try the old key's code, to see whether Ügyfélkapu locked it out.
    Press Enter to begin.
lost-renew-which = Who needs a new deletion code?
lost-state-renewed-check-pending = set up on another device ({$date}); the old key is still to be tried
lost-state-renewed-old-refused = set up on another device ({$date}); the old key is locked out
warn-sheet-out-of-date =
    { $who ->
        [self] The last printed recovery sheet (made {$date}) is out of date for you: print a new one (kapukulcs print) and destroy the old one.
        [mixed] The last printed recovery sheet (made {$date}) is out of date for you, and for: {$names}. Print a new one (kapukulcs print) and destroy the old one.
       *[other] The last printed recovery sheet (made {$date}) is out of date for {$names}: print a new one (kapukulcs print) and destroy the old one.
    }
wizard-step-1-other-device =
    Step 1 – On the Ügyfélkapu site: set up on another device
      • { $who ->
            [self] Stay logged in to your own account{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            }. Open "Ügyfélkapu beállítások" (settings).
           *[other] Stay logged in to {$name}'s account{ $known ->
                [yes] {" "}({$username})
               *[no] {""}
            }. Open "Ügyfélkapu beállítások" (settings).
        }
      • Click "Beállítás másik eszközre" (set up on another device).
      • A new QR code appears. Stop here: do not scan it with the phone yet!
    Press Enter when you see the QR code.
wizard-family-note =
    If your phone looks after your parents' Ügyfélkapu too: the official help asks people not to give their login details to anyone. There are formal ways as well: an EESZT authorisation (meghatalmazás, for e-prescriptions and health data), the e-mail code as a second way in, DÁP (from age 14, with a smartphone) and the eSzemélyi card. More: https://kau.gov.hu
info-sheet-not-recorded = You can print the sheet, but I could not record in the backup that it was made ({$detail}); so the program will not know when this sheet is out of date.
menu-new-deletion-code = A new deletion code (the deletion code is lost, the phone works)
list-state = State
card-cancelled = CANCELLED ({$date}): this key is no longer valid; do not put it back on a phone.
card-history = Former keys: {$count} (in the korabbi folder; none is valid).
card-former-title = Ügyfélkapu+ – {$name} – former key (replaced {$date})
card-former-cancelled = NOT VALID (cancelled {$date}): do not put it back on a phone.
card-former-replaced = NOT VALID – a newer registration replaced it. Do not put it back on a phone.
card-former-replaced-on = Replaced: {$date}
bundle-readme-history =
    FORMER KEYS

    When a family member's phone was lost and their Ügyfélkapu+ was cancelled,
    the old key, QR picture and deletion code stay in their folder, in the
    "korabbi" subfolder (kartya.txt, otpauth.txt). They are no longer valid: do
    not put them back on a phone.
check-cancelled =
    { $who ->
        [self] {$code}: this is the code of your CANCELLED key (cancelled {$date}). It no longer logs in: delete this entry on the phone.
       *[other] {$code}: this is the code of {$name}'s CANCELLED key (cancelled {$date}). It no longer logs in: delete this entry on the phone.
    }
check-former =
    { $who ->
        [self] {$code}: this is the code of one of your former keys, no longer valid (replaced {$date}). It no longer logs in: delete this entry on the phone.
       *[other] {$code}: this is the code of one of {$name}'s former keys, no longer valid (replaced {$date}). It no longer logs in: delete this entry on the phone.
    }
check-live-cancelled = cancelled
sheet-person-line-cancelled = {$name} – page {$page} (cancelled)
sheet-cancelled-heading = CANCELLED – {$date}
sheet-cancelled-text = This Ügyfélkapu+ was cancelled because the phone was lost or stolen. The old key is no longer valid, so there is no QR code and no key here: do not put it back on a phone.
sheet-cancelled-key = no longer valid (kept in the encrypted backup)
sheet-cancelled-deletion = used ({$date})
sheet-cancelled-steps-heading = What now?
sheet-cancelled-step-1 = Register Ügyfélkapu+ again with the new phone: kapukulcs lost (in the menu: „The phone was lost or stolen”).
sheet-cancelled-step-2 = Then print a new recovery sheet and destroy this one.

## Plaintext outputs and secrets (issue 11)

info-plaintext-renamed = That name is taken and the file there is not replaced: {$taken}. The new file is: {$file}
err-plaintext-no-free-name = This name and its numbered forms ("… (2)" to "… (99)") are all taken, so nothing was written: {$file}
err-plaintext-write = Could not write: {$file} ({$detail}). No half-written file was left behind, and no existing file was overwritten.
rec-plaintext-no-free-name = Give another file name or folder, or delete the old copies (they may hold secret keys too).
warn-plaintext-sheet = Note: this PDF is NOT encrypted; it holds the keys and the deletion codes: {$file}. Print it, then delete it (from the bin too).
warn-plaintext-pictures = Note: these pictures are NOT encrypted; each holds a key ({$dir}). Scan them with the phone, then delete them (from the bin too).
err-deletion-code-on-command-line = A deletion code is not accepted on the command line: other programs can see it there while kapukulcs runs, and the shell's history keeps it.
rec-deletion-code-on-command-line = Write --deletion-code - and give the code on standard input (for example from a file: … --deletion-code - < code.txt), or leave it out and kapukulcs beallitas will ask. Remove the line you just typed from the shell's history (bash: history -d NUMBER).
err-stdin-no-deletion-code = --deletion-code - says the deletion code is on standard input, but it is not there (with a key or URI it must be on the line after it).
rec-stdin-no-deletion-code = Put the deletion code on a line of its own on standard input, or leave out --deletion-code.

## The person's run (issue 12)
wizard-self-name = Me
wizard-watching-clipboard = A picture copied to the clipboard is taken as well (for example from the Snipping Tool).
wizard-watching-screenshots = A new picture saved in the system's screenshot folder is taken as well: {$folder}
wizard-key-look-alike = At character {$position} of the key you typed {$typed}. Keys never contain it, so I took it as the letter {$meant}.
wizard-key-typos = The typed characters are almost the QR code's key, but there is a typo:
wizard-key-typo-wrong = • At character {$position} of the key you typed {$typed}, but the QR code has {$expected}
wizard-key-typo-missing = • Character {$position} of the key is missing (the QR code has {$expected}).
wizard-key-typo-extra = • Character {$position} of what you typed is one too many: {$typed}
wizard-key-typo-again = Correct it and type it again. No new screenshot is needed: the QR code is fine.
wizard-terminal-qr-ask = Shall I show the QR code here in the terminal as well, for the phone to scan from here?
wizard-terminal-qr = Scan this QR code with the phone. The entry's name is already in it: {$entry}
wizard-step-4-ready = Press Enter when the phone shows the 6-digit code.
wizard-terminal-qr-cleared = I have cleared the QR code off the screen.
wizard-sheet-ask = Shall I make the printable recovery sheet (PDF)? It holds the keys and deletion codes unencrypted.
wizard-sheet-skipped = No sheet was made. { $surface ->
        [menu] You can print it later from the menu: "Print the recovery sheet".
       *[terminal] You can print it later: kapukulcs print
    }
wizard-sheet-failed = The recovery sheet could not be made: {$file}
wizard-sheet-open-ask = Shall I open it in the PDF viewer so you can print it?
wizard-sheet-open-failed = The PDF file did not open: the system started no viewer for it. Open it yourself (for example with a double click in the file manager); it is here: {$file}
wizard-sheet-printed-ask = Did the sheet print?
wizard-sheet-delete-ask = Delete the PDF file? It holds secrets; the printed sheet and the encrypted backup are enough.
wizard-sheet-deleted = The PDF file is deleted: {$file}
wizard-sheet-kept = The PDF file stays here: {$file}. Once printed, delete it: it holds secrets.
wizard-delete-failed = Could not delete: {$file} ({$detail})
wizard-pictures-list = These pictures hold the keys unencrypted (they are in the backup already):
wizard-clipboard-clear-ask = The QR code's picture may still be on the clipboard. Clear the clipboard?
wizard-clipboard-cleared = The clipboard is cleared.
wizard-clipboard-clear-failed = The clipboard could not be cleared ({$detail}). Copy something else onto it.
wizard-clipboard-file-name = clipboard.png

## What the system said about a file, in words (i18n::io_detail).
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it exists already
io-storage-full = the disk is full
io-quota-exceeded = the storage quota is used up
io-read-only = the drive is read-only
io-is-a-directory = this is a folder, not a file
io-not-a-directory = a part of the path is not a folder
io-directory-not-empty = the folder is not empty
io-invalid-filename = the file name is not valid (too long, or a character that is not allowed)
io-file-too-large = the file is too large
io-busy = another program is using it
io-too-many-links = too many links pointing on to each other (symbolic links)
io-unexpected-end = the file ended too early
io-invalid-data = its contents are damaged
io-broken-pipe = the other side closed the connection
io-interrupted = interrupted
io-timed-out = it timed out
io-out-of-memory = out of memory
io-unsupported = not possible on this system
io-crosses-devices = it cannot be moved to another drive this way
io-other = the system reported an error (code {$code})

interrupt-saved = Stopped. What was done so far is saved ({$file}):
interrupt-unsaved =
    { $who ->
        [self] Nothing of your own details is saved yet: the next run starts with you from the beginning.
       *[other] Nothing of {$name}'s details is saved yet: the next run starts with them from the beginning.
    }
interrupt-next-run =
    { $surface ->
        [menu] The next run continues from here: choose "New registration / add a family member" in the menu.
       *[terminal] The next run continues from here: kapukulcs setup
    }
interrupt-menu = You left. Everything you entered so far is saved ({$file}); the next run continues from here.
tour-intro = A tour with a made-up family (Me, Mama, Papa). The keys are made up, nothing is saved, and no real account is touched. This is what "Who is in the backup?" shows:
tour-list =
    One line per family member: the username, when the phone's code was last checked, and whether the deletion code is saved.
    Press Enter to go on.
tour-qr = This is how the program shows a family member's QR code when the phone has to scan it again (a new or repaired phone, in "Restore onto a new or repaired phone"). The entry's name is in it: {$entry}
tour-qr-next =
    The program wipes a real key off the screen once it is scanned; this one is wiped too.
    Press Enter to go on.
tour-check = Whose code is this? That is what "Whose code is this?" answers. {$name}'s current code: {$code}. Type it (or another from the list above, even with a digit wrong), and I will say whose it is.
tour-end = The tour is over. Add the real family with "New registration / add a family member". (A demo backup, sheet and pictures as files: kapukulcs demo, from a command line.)
