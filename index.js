// The package entry. n8n itself loads the node and credentials from the paths in package.json's "n8n"
// attribute; this entry lets other code require the classes directly.
module.exports = {
	Attachment: require('./nodes/Attachment/Attachment.node.js').Attachment,
	SendEmail: require('./nodes/SendEmail/SendEmail.node.js').SendEmail,
	NcpOutboundMailerApi: require('./credentials/NcpOutboundMailerApi.credentials.js').NcpOutboundMailerApi,
	NhnCloudNotificationHubApi: require('./credentials/NhnCloudNotificationHubApi.credentials.js')
		.NhnCloudNotificationHubApi,
};
