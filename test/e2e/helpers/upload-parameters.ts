// The Attachment node's upload parameters the end-to-end workflows share: the `data` binary field, uploaded to
// NCP in one request, or to NHN for e-mail.

/** NCP upload of the `data` binary field, all files in one request. */
export const NCP_UPLOAD_DATA = { binaryPropertyName: 'data', requestMode: 'single' };

/** NHN upload of the `data` binary field as an e-mail attachment. */
export const NHN_UPLOAD_DATA = { binaryPropertyName: 'data', fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT'] };
