// Every forum task family, in code order (codes 301–310).
import type { TaskFamily } from '../../types';
import { commentNewestPost } from './comment-newest-post';
import { compareKarma } from './compare-karma';
import { createPost } from './create-post';
import { editOwnPost } from './edit-own-post';
import { replyTopComment } from './reply-top-comment';
import { sortedForum } from './sorted-forum';
import { subscribeCategory } from './subscribe-category';
import { topCommentAuthor } from './top-comment-author';
import { topPostAuthor } from './top-post-author';
import { upvoteUserPosts } from './upvote-user-posts';

export const FORUM_FAMILIES: TaskFamily[] = [
  topPostAuthor, topCommentAuthor, sortedForum, compareKarma, createPost, replyTopComment, upvoteUserPosts, subscribeCategory,
  editOwnPost, commentNewestPost,
];
