// @fails-at open-stream
// @why closes the stream right after opening it, so nothing is ever received

// @step open-stream
const changeStream = db.orders.watch();
changeStream.close();

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
