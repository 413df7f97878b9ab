// @fails-at capture-token
// @why keeps the token of the first event only, so a resume would replay everything after it

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  if (resumeToken === null) resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
