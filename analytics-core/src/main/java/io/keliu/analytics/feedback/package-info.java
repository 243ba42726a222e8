/**
 * Customer feedback texts (inquiries, feedback, complaints, praise; Chinese or English): TF-IDF vectors over words,
 * cosine similarity, the most similar texts, incremental clustering into labelled topics, and near-duplicates (the
 * same customer saying the same thing twice). Method and definitions: docs/analytics.md, "Feedback topics".
 */
package io.keliu.analytics.feedback;
