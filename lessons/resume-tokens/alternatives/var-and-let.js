// var and let instead of const, and a named function declared in one step and used in another.

// @step open-stream
var changeStream = db.orders.watch();

// @step capture-token
var resumeToken = null;
function remember(change) {
  resumeToken = change._id;
}
changeStream.addListener('change', remember);

// @step resume
changeStream.close();
let resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });

// @step keep-tracking
resumedChangeStream.on('change', remember);
