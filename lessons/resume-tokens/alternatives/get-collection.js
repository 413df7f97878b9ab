// db.getCollection('orders') instead of db.orders, and the collection kept in a variable.

// @step open-stream
const orders = db.getCollection('orders');
const changeStream = orders.watch();

// @step capture-token
let resumeToken = null;
changeStream.on('change', (change) => {
  resumeToken = change._id;
});

// @step resume
changeStream.close();
const resumedChangeStream = db.getCollection('orders').watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', (change) => {
  resumeToken = change._id;
});
