// @fails-at resume
// @why opens the resumed stream but never closes the first one, which keeps running next to it

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change._id;
});

// @step resume
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
