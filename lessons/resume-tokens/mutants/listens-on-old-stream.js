// @fails-at keep-tracking
// @why adds the new listener to the closed first stream instead of resumedChangeStream

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
changeStream.on('change', (change) => {
  resumeToken = change._id;
});
