// @fails-at capture-token
// @why declares resumeToken but never listens for 'change' events

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
