const { src, dest, parallel } = require('gulp');

// tsc emits only JavaScript: icons and codex files are copied beside the compiled nodes and credentials.
function copyNodeAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

function copyPackageEntry() {
	return src('index.js').pipe(dest('dist'));
}

exports['build:assets'] = parallel(copyNodeAssets, copyPackageEntry);
