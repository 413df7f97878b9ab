// @fails-at capture-token
// @why stores the order's _id (change.fullDocument._id) instead of the event's resume token

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change.fullDocument._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change.fullDocument._id;
});
