// The documented limits the node checks before any request; the README's Send Email section gives each one's source.
const KB = 1024;
const MB = 1024 * KB;

/** NCP createMailRequest: recipients per request, CC, BCC (NCP-send "Note"). */
export const NCP_MAX_RECIPIENTS = 100_000;
export const NCP_MAX_CC = 30;
export const NCP_MAX_BCC = 30;
/** NCP: sender name 0-69 bytes, title 0-500 bytes, recipient name up to 69 characters (NCP-send-gov, NCP-recipient). */
export const NCP_MAX_SENDER_NAME_BYTES = 69;
export const NCP_MAX_TITLE_BYTES = 500;
export const NCP_MAX_RECIPIENT_NAME_CHARS = 69;
/** NCP: body "500 KB", read as 512,000 bytes of UTF-8 (the pages leave 500,000 or 512,000 open). */
export const NCP_MAX_BODY_BYTES = 512_000;
/** NCP: the References header "at most 100" (NCP-send-gov). */
export const NCP_MAX_REFERENCES_CHARS = 100;
/** NCP: 20 MB of attachments per mail, reported but not on the pages read; each file 10 MB (createFile). */
export const NCP_MAX_MAIL_ATTACHMENT_BYTES = 20 * MB;

/** NHN EMAIL free-form: at most 10 attachments, 30 MB in total (NHN-example, NHN-console). */
export const NHN_MAX_ATTACHMENTS = 10;
export const NHN_MAX_MAIL_ATTACHMENT_BYTES = 30 * MB;
/** NHN: "The statsId must be 8 characters or less" (NHN-errors, 400001). */
export const NHN_MAX_STATS_KEY_CHARS = 8;
/** NHN: a scheduled send at most 60 days ahead (NHN-errors, 400002). */
export const NHN_MAX_SCHEDULE_AHEAD_MS = 60 * 24 * 3_600_000;
/** NHN: an AD mail's subject begins with one of these labels (English and Korean pages together). */
// The Korean label is written as escapes: it is data the service matches, not text shown to users.
export const NHN_AD_LABELS = ['(\uAD11\uACE0)', '(AD)', '(Ad)', '(広告)', '(Advertisement)'];
/** The NHN file type the node uploads attachments with (any EMAIL_* type is accepted for a mail). */
export const NHN_EMAIL_FILE_TYPE = 'EMAIL_DEFAULT';

/** RFC 5321: local part 64, domain 255, whole address 254 characters. */
export const MAX_LOCAL_PART = 64;
export const MAX_DOMAIN = 255;
export const MAX_ADDRESS = 254;
