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
help-subcommand-help = Help for a command
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
err-args-value = invalid value: "{$value}" ({$arg})
err-args-other = the command line cannot be understood
rec-args = `kapukulcs --help` lists what is possible.
err-lang = Unknown language: "{$value}". Use hu or en.
err-stdin-read = Could not read standard input: {$detail}
err-stdin-empty = Standard input is empty: no key and no otpauth:// URI.
rec-stdin-empty = Type or paste the key, for example: echo 'ABCD EFGH …' | kapukulcs code

## Keys and otpauth:// URIs

err-key-empty = The key is empty.
rec-key = The key is the text shown on the Ügyfélkapu+ page under "Nem tudom beolvasni a kódot" (letters A–Z and digits 2–7).
err-key-char = The key contains a character that cannot be in it: "{$char}" (at position {$position}).
rec-key-char = A key holds only the letters A–Z and the digits 2–7; 0, 1, 8 and 9 never appear. Check for the letters O or I.
err-key-length = A key cannot have this length ({$length} characters): a character is probably missing or extra.
err-uri-scheme = This is not an otpauth:// URI.
rec-uri = The URI starts with otpauth://totp/… – the QR code holds one.
err-uri-hotp = This is a counter-based (HOTP) key; Ügyfélkapu+ uses time-based (TOTP) codes, and kapukulcs handles only those.
err-uri-type = Unknown code type in the otpauth:// URI: "{$kind}". Only "totp" is supported.
err-uri-no-secret = The otpauth:// URI has no key (secret=…).
err-uri-algorithm = Unknown algorithm: "{$value}". Use SHA1, SHA256 or SHA512.
err-uri-digits = The number of digits can only be 6 or 8, here: "{$value}".
err-uri-period = Invalid period: "{$value}" (a whole number of seconds from 1 to 3600).
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
err-image-no-qr = No QR code found in this image: {$file}
rec-image-no-qr = The whole QR code must be visible, with a white border around it. For a photo hold the phone straight and keep it sharp.
err-image-not-otpauth = The QR code in this image is not an Ügyfélkapu+ key but {$what}: {$file}
rec-image-not-otpauth = Take a picture of the QR code shown while applying for Ügyfélkapu+ (after "Tovább az Ügyfélkapu+ igényléséhez").
what-web-link = a web link ({$text})
what-text = this text: "{$text}"
what-otpauth-bad = a broken otpauth:// URI ({$detail})
