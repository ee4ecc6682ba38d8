const testing = require('@runware/core/testing');
console.log(typeof testing.runTransportConformance);
