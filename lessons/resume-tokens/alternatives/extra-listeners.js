// More than one listener per stream: one keeps the token, others count and log.

// @step open-stream
const changeStream = db.orders.watch();

// @step capture-token
let resumeToken = null;
let seen = 0;
changeStream.on('change', () => {
  seen += 1;
});
changeStream.on('change', (change) => {
  resumeToken = change._id;
});
changeStream.on('error', (error) => print('stream error', error.message));

// @step resume
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
resumedChangeStream.on('change', (change) => {
  seen += 1;
  print(`order ${change.fullDocument._id} (${seen} so far)`);
});
