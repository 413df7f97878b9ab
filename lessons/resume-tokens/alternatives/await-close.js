// An explicit await on close(), and the options object built first.

// @step open-stream
const changeStream = db.orders.watch([]);

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => (resumeToken = change._id));

// @step resume
await changeStream.close();
const options = { resumeAfter: resumeToken };
const resumedChangeStream = db.orders.watch([], options);

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
