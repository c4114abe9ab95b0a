import type { SampleGraph } from '../types';
import { fromDrawing } from './build';

/** A small web site: pages and their links, with one page (`pdf`) that links nowhere. */
export const web: SampleGraph = {
  id: 'web',
  title: 'Web pages (directed)',
  data: fromDrawing({
    type: 'directed',
    positions: {
      home: [250, 250],
      blog: [110, 110],
      post: [40, 280],
      pdf: [140, 440],
      shop: [390, 110],
      cart: [470, 280],
      about: [360, 430],
      faq: [250, 40],
      help: [250, 460],
    },
    edges: [
      ['home', 'blog'],
      ['home', 'shop'],
      ['home', 'about'],
      ['blog', 'home'],
      ['blog', 'post'],
      ['blog', 'faq'],
      ['post', 'blog'],
      ['post', 'pdf'],
      ['shop', 'cart'],
      ['shop', 'faq'],
      ['cart', 'shop'],
      ['cart', 'home'],
      ['about', 'home'],
      ['about', 'help'],
      ['faq', 'help'],
      ['faq', 'pdf'],
      ['help', 'faq'],
      ['help', 'home'],
    ],
  }),
};
