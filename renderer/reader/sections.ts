/** The reader's heading sections: the split lives in common/ so the core can send a document's outline. */
export * from '../../common/sections';
