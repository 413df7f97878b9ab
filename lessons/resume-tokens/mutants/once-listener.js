// @fails-at capture-token
// @why listens with once(), so only the first event is ever processed

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.once('change', (change) => {
  resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
