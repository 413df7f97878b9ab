// @fails-at resume
// @why resumes from the driver's cached token, which moved past the events the listener never processed

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change._id;
});

// @step resume
const driverToken = changeStream.resumeToken;
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: driverToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
