// @fails-at keep-tracking
// @why the resumed stream's listener handles events but never updates resumeToken

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
resumedChangeStream.on('change', (change) => {
  print(`packing ${change.fullDocument._id}`);
});
