// Extra console.log and print lines, in the snippets and in the listeners.

// @step open-stream
const changeStream = db.orders.watch();
console.log('watching orders');

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  console.log('order', change.fullDocument._id, 'operation', change.operationType);
  resumeToken = change._id;
  print('token saved');
});
console.log('listening, token is', resumeToken);

// @step resume
console.log('last processed token', resumeToken);
changeStream.close();
const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });
print('resumed');

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  console.log('resumed order', change.fullDocument._id);
  resumeToken = change._id;
});
