// @fails-at resume
// @why opens a fresh stream without resumeAfter, so the orders placed during the outage are lost

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch();

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
