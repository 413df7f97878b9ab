// @fails-at open-stream
// @why watches a collection named "order" instead of "orders"

// @step open-stream
const changeStream = db.order.watch();

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
  resumeToken = change._id;
});
