export { braycurtis } from './braycurtis.js';

export { canberra } from './canberra.js';

export { chebyshev } from './chebyshev.js';

export { cityblock } from './cityblock.js';

export { correlation } from './correlation.js';

export { cosine } from './cosine.js';

export { dice } from './dice.js';

export { euclidean } from './euclidean.js';

export { hamming } from './hamming.js';

export { jaccard } from './jaccard.js';

export { jensenshannon } from './jensenshannon.js';

export { kulczynski1 } from './kulczynski1.js';

export { kulsinski } from './kulsinski.js';

export { mahalanobis } from './mahalanobis.js';

export { matching } from './matching.js';

export { minkowski } from './minkowski.js';

export { rogerstanimoto } from './rogerstanimoto.js';

export { russellrao } from './russellrao.js';

export { seuclidean } from './seuclidean.js';

export { sokalmichener } from './sokalmichener.js';

export { sokalsneath } from './sokalsneath.js';

export { sqeuclidean } from './sqeuclidean.js';

export { wminkowski } from './wminkowski.js';

export { yule } from './yule.js';
