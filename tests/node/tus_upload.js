// Uploads a file to a Corkboard server with the unmodified tus-js-client (a third-party tus 1.0
// client), for test_attachments_tus_client. Usage:
//   node tus_upload.js <endpoint> <access token> <card id> <file> <chunk bytes> <with-creation-upload 0|1>
// Prints the upload's URL on success; exits 1 with the error otherwise.
'use strict';
const fs = require('fs');
const tus = require('tus-js-client');

const [endpoint, token, cardId, file, chunk, withCreation] = process.argv.slice(2);
const data = fs.readFileSync(file);
const upload = new tus.Upload(data, {
    endpoint,
    headers: {Authorization: 'Bearer ' + token},
    metadata: {card_id: cardId, filename: 'from-node.bin'},
    chunkSize: Number(chunk),
    uploadDataDuringCreation: withCreation === '1',
    retryDelays: [],
    onError(error) {
        console.error('tus upload failed: ' + error);
        process.exit(1);
    },
    onSuccess() {
        console.log(upload.url);
    },
});
upload.start();
