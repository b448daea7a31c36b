export { addAsset, imageTypes, maxAssetBytes, readAsset } from './articleAssets.js';
