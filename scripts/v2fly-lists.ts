// Which v2fly/domain-list-community lists (MIT) `npm run dataset:v2fly` imports, for which company, with which role,
// and what it leaves out. A list is an ownership hint, not proof: the exclusions below are the research's review of
// each big list (majors.json `v2flyLists`, /work/research), entries no source ties to the company. Bare TLD rules,
// full:/keyword:/regexp: rules and public suffixes are skipped by the importer itself.
import type { Role } from '../data/dataset/schema';

export interface ListMapping {
  /** The v2fly file (data/NAME). */
  list: string;
  company: string;
  role: Role;
  /** Included lists not to follow here: imported under another company by an earlier mapping, or not sourced. */
  skip?: string[];
  /** Entries of the list (or of the lists it includes) to leave out, with the reason in a comment. */
  exclude?: string[];
}

// Typo, brand-abuse and generic names in the big lists: no source ties them to the company (majors.json review).
const GOOGLE_OUT = [
  // Verily / Verily projects: v2fly's own alphabet list files verily.com under Alphabet's other companies.
  'verilylifesciences.com', 'verilystudyhub.com', 'verilystudywatch.com', 'verilystudywatch.org', 'studywatchbyverily.com', 'studywatchbyverily.org',
  'projectbaseline.com', 'baselinestudy.com', 'baselinestudy.org', 'stcroixmosquito.com', 'stcroixmosquitoproject.com', 'stxmosquito.com',
  'stxmosquitoproject.com', 'stxmosquitoproject.net', 'stxmosquitoproject.org', 'usvimosquito.com', 'usvimosquitoproject.com',
  // Generic or unrelated-looking names added in bulk commits.
  '265.com', 'gonglchuangl.net', '0emm.com', '1ucrs.com', '466453.com', 'hwgo.com', 'debug.com', 'like.com', 'wallet.com', 'near.by', 'on.here',
  'txcloud.net', 'lanternal.com', 'haplorrhini.com', 'hindiweb.com', 'gipscorp.com', 'coova.com', 'coova.net', 'coova.org', 'crossmediapanel.com',
  'financeleadsonline.com', 'beatthatquote.com', 'campuslondon.com', 'zukunftswerkstatt.de', 'weltweitwachsen.de', 'xn--9kr7l.com', 'xn--9trs65b.com',
  // Homoglyph and typo domains: whoever holds them, visiting one is not visiting a Google service.
  'xn--ggle-55da.com', 'xn--gogl-0nd52e.com', 'xn--gogl-1nd42e.com', 'foofle.com', 'ggoogle.com', 'gogle.com', 'gogole.com', 'googel.com', 'googil.com',
  'googl.com', 'googlee.com', 'googlr.com', 'goolge.com', 'gooogle.com',
];
const META_OUT = [
  'groups.com', 'i.org', 'freeb.com', 'freebs.com', 'nextstop.com', 'thefind.com', 'newsfeed.com', 'online-deals.net', 'login-account.net', 'click-url.com',
  'worldhack.com', 'sportstream.com', 'toplayerserver.com', 'midentsolutions.com', 'klik.me', 'opencreate.org', 'futureofbusinesssurvey.org',
  'instanttelegram.com', 'instaplayer.net', 'instastyle.tv', 'kingstagram.com', 'bookstagram.com', 'carstagram.com', 'chickstagram.com',
  'facebooknude.com', 'facebookofsex.com', 'facebookporn.net', 'facebookporn.org', 'facebookporno.net', 'hackfacebook.com', 'hackerfacebook.com',
  'hackfacebookid.com', 'howtohackfacebook-account.com', 'como-hackearfacebook.com', 'buyingfacebooklikes.com', 'freefblikes.com',
  'acheter-followers-instagram.com', 'achat-followers-instagram.com', 'acheterdesfollowersinstagram.com', 'acheterfollowersinstagram.com',
  'instagramtakipcisatinal.net', 'instagramtakiphilesi.com', 'instagramhilecim.com', 'instagramhilesi.org', 'theinstagramhack.com',
];
const MICROSOFT_OUT = [
  'ankarazirvesi2018.com', 'breakdown.me', 'kumo.com', 'docs.com', 'gigjam.com', 'mepn.com', 'what-fan.net', 'masalladeloslimites.com', 'sprinklesapp.com',
  'bluehatnights.com',
];
const APPLE_OUT = [
  'apple.comscoreresearch.com', // comScore's research domain, not Apple's
  'carbon.com', 'next.com', 'newton.com', 'chomp.com', 'texture.com', 'digitalhub.com', 'eworld.com', 'geoport.com', '5lml.com', 'tracking-location.com',
  'faceid99.com', 'faceid99.net', 'catalina.hk', 'camelphat.com', 'spektral.cc', 'latticedata.com', 'qwapi.com',
  'a0pple.net', 'ap0le.com', 'aple.com', 'apole.com', 'app0le.com', 'appl-e.com', 'applle.com', 'appule.com', 'apyle.com', 'aplestore.com', 'iphine.com', 'ipple.com',
];
const ADOBE_OUT = [
  'marketing-nirvana.com', 'douwriteright.com', 'placesdocs.com', 'sundanceignite2016.com', 'worldsecureemail.com', 'tenbyfotolia.com', 'cotolia.com',
  'ffotolia.com', 'fiotolia.com', 'foftolia.com', 'fonolia.com', 'fotiolia.com', 'fotoiia.com', 'fptolia.com', 'gfotolia.com', 'motolia.com', 'votolia.com',
];
const SALESFORCE_OUT = [
  'social.com', 'site.com', 'sequence.com', 'heywire.com', 'quotable.com', 'attic.io', 'gravitytank.com', 'twinprime.com', 'weinvoiceit.com', 'data.com',
  'einstein.com', 'krux.com',
];

/** In order: a host imported by an earlier mapping is not imported again by a later one. */
export const V2FLY_LISTS: ListMapping[] = [
  // Cloud infrastructure first, so that the groups' lists that include them (amazon includes aws) leave them alone.
  { list: 'aws', company: 'amazon-web-services', role: 'cloud-provider' },
  { list: 'aliyun', company: 'alibaba-cloud', role: 'cloud-provider' },
  { list: 'alibabacloud', company: 'alibaba-cloud', role: 'cloud-provider' },
  { list: 'qcloud', company: 'tencent-cloud', role: 'cloud-provider' },
  { list: 'huaweicloud', company: 'huawei-cloud', role: 'cloud-provider' },
  // Shared CDNs: the website operator picks what goes through them, which the UI says only for cloud-provider entries.
  { list: 'akamai', company: 'akamai', role: 'cloud-provider' },
  { list: 'cloudflare', company: 'cloudflare', role: 'cloud-provider' },
  { list: 'fastly', company: 'fastly', role: 'cloud-provider' },
  { list: 'jsdelivr', company: 'jsdelivr', role: 'cloud-provider' },

  // Google: the ccTLDs, YouTube, Firebase, Android ... (v2fly comments the list "all domains being operated by Google").
  { list: 'youtube', company: 'google', role: 'video' },
  { list: 'firebase', company: 'google', role: 'api' },
  { list: 'googlefcm', company: 'google', role: 'api' },
  { list: 'google', company: 'google', role: 'first-party', exclude: GOOGLE_OUT },
  // Alphabet's other companies (Waymo, Verily, Calico, Wing, GV, CapitalG, Isomorphic Labs, Google Fiber): filed under
  // the group, not under Google LLC; their operating companies were not researched.
  { list: 'alphabet', company: 'alphabet', role: 'first-party', skip: ['google'] },
  // WhatsApp has its own record (its EEA policy's destinations are its own); Meta remains its owner.
  { list: 'whatsapp', company: 'whatsapp', role: 'first-party' },
  { list: 'meta', company: 'meta', role: 'first-party', exclude: META_OUT, skip: ['facebook-dev', 'whatsapp'] },
  { list: 'linkedin', company: 'linkedin', role: 'social' },
  // xbox's game studios (asobo, bethesda, forza, mojang) and GitHub's npm: ownership not sourced in the research.
  { list: 'microsoft', company: 'microsoft', role: 'first-party', exclude: MICROSOFT_OUT, skip: ['asobo', 'bethesda', 'forza', 'mojang', 'npmjs'] },
  { list: 'amazon', company: 'amazon', role: 'first-party', exclude: ['serving-sys.com'], skip: ['aws'] },
  { list: 'apple', company: 'apple', role: 'first-party', exclude: APPLE_OUT },
  // twitter only: v2fly's x list also includes xai (grok.com, x.ai), a separate company.
  { list: 'twitter', company: 'x-corp', role: 'social', exclude: ['tellapart.com', 'twitpic.com', 'vine.co', 'periscope.tv', 'pscp.tv', 'tweetdeck.com', 'cms-twdigitalassets.com'] },
  // Flickr: no source read says Yahoo still owns it; TechCrunch, Maktoob, myguide.hk: none ties them to Yahoo today.
  { list: 'yahoo', company: 'yahoo', role: 'first-party', skip: ['flickr'], exclude: ['techcrunch.com', 'maktoob.com', 'myguide.hk'] },
  // adobe-activation is a frozen list of licence-activation hosts, some not Adobe's.
  { list: 'adobe', company: 'adobe', role: 'first-party', skip: ['adobe-activation'], exclude: ADOBE_OUT },
  { list: 'oracle', company: 'oracle', role: 'first-party', exclude: ['covid19-rx.org', 'covid19rx.org', 'custhelp.com'] },
  { list: 'salesforce', company: 'salesforce', role: 'first-party', exclude: SALESFORCE_OUT },
  { list: 'pinterest', company: 'pinterest', role: 'social' },
  { list: 'snap', company: 'snap', role: 'social' },
  { list: 'reddit', company: 'reddit', role: 'social', exclude: ['reddit.app.link'] },

  // Europe and Russia.
  { list: 'yandex', company: 'yandex', role: 'first-party' },
  { list: 'mailru-group', company: 'vk', role: 'first-party' },
  { list: 'sber', company: 'sberbank', role: 'first-party' },
  { list: 'spotify', company: 'spotify', role: 'first-party' },

  // Web utilities the research attributes to their v2fly list.
  { list: 'paypal', company: 'paypal', role: 'payments' },
  { list: 'stripe', company: 'stripe', role: 'payments' },
  { list: 'shopify', company: 'shopify', role: 'first-party' },
  { list: 'wix', company: 'wix', role: 'first-party' },
  { list: 'wordpress', company: 'automattic', role: 'first-party' },
  { list: 'gravatar', company: 'automattic', role: 'social' },
  { list: 'vimeo', company: 'vimeo', role: 'video' },
  { list: 'sentry', company: 'sentry', role: 'monitoring' },
  { list: 'intercom', company: 'intercom', role: 'support' },
  { list: 'zendesk', company: 'zendesk', role: 'support' },
  { list: 'twilio', company: 'twilio', role: 'first-party' },
  { list: 'fontawesome', company: 'fonticons', role: 'fonts' },
  { list: 'jquery', company: 'openjs-foundation', role: 'cloud-provider' },
  // amp (cdn.ampproject.org is an AMP cache run by others), electron, mocha, nodejs: project sites, not researched.
  { list: 'openjsfoundation', company: 'openjs-foundation', role: 'first-party', skip: ['amp', 'electron', 'jquery', 'mocha', 'nodejs'] },
  { list: 'taboola', company: 'taboola', role: 'ads' },
  { list: 'pubmatic', company: 'pubmatic', role: 'ads' },
  { list: 'openx', company: 'openx', role: 'ads' },
  { list: 'ogury', company: 'ogury', role: 'ads' },
  { list: 'uber', company: 'uber', role: 'first-party' },

  // The seed groups: v2fly's own company lists.
  { list: 'tiktok', company: 'tiktok', role: 'first-party' },
  { list: 'lark', company: 'lark', role: 'first-party' },
  { list: 'volcengine', company: 'byteplus', role: 'cloud-provider' },
  { list: 'douyin', company: 'douyin', role: 'first-party' },
  { list: 'bytedance', company: 'bytedance', role: 'first-party', skip: ['tiktok', 'lark', 'volcengine', 'douyin'] },
  { list: 'umeng', company: 'umeng', role: 'analytics' },
  { list: 'alibaba', company: 'alibaba', role: 'first-party', skip: ['aliyun', 'alibabacloud', 'umeng'] },
  { list: 'tencent', company: 'tencent', role: 'first-party', skip: ['qcloud'] },
  { list: 'pinduoduo', company: 'pinduoduo', role: 'first-party' },
  { list: 'xiaomi', company: 'xiaomi', role: 'first-party' },
  { list: 'huawei', company: 'huawei', role: 'first-party', skip: ['huaweicloud'] },
  { list: 'honor', company: 'honor', role: 'first-party' },
  { list: 'kuaishou', company: 'kuaishou', role: 'first-party' },
  { list: 'getui', company: 'getui', role: 'sdk' },
  { list: 'godaddy', company: 'godaddy', role: 'first-party' },
];
