// Listeners written as function expressions rather than arrow functions.

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', function (change) {
  resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', function onResumedChange(change) {
  resumeToken = change._id;
});
