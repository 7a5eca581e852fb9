import{a as e,s as t,t as n}from"./jsx-runtime-CXqrrld7.js";import{E as r,h as i,w as a}from"./index-D6nKLD1m.js";var o=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i=[{kind:`Literal`,name:`first`,value:50},{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}}];return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`NoticesQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null}],storageKey:null},{args:null,kind:`FragmentSpread`,name:`Notices_notices`}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`NoticesQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null}],storageKey:null},{alias:null,args:i,concreteType:`NoticeConnection`,kind:`LinkedField`,name:`notices`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`NoticeEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Notice`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`channel`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`recipient`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`deliveredAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`failedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`attempts`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:`notices(first:50,orderBy:{"direction":"DESC","field":"CREATED_AT"})`},{alias:null,args:i,filters:[`orderBy`],handle:`connection`,key:`Notices_notices`,kind:`LinkedHandle`,name:`notices`}]},params:{cacheID:`32c5ef69f82e154bbbf0d989c728e519`,id:null,metadata:{},name:`NoticesQuery`,operationKind:`query`,text:`query NoticesQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  ...Notices_notices
}

fragment Notices_notices on Query {
  notices(first: 50, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    edges {
      node {
        id
        kind
        channel
        recipient
        createdAt
        deliveredAt
        failedAt
        attempts
        lastError
        __typename
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
`}}})();o.hash=`820bbb576a2caa960ac3162521091c25`;var s=(function(){var e=[{defaultValue:50,kind:`LocalArgument`,name:`count`},{defaultValue:null,kind:`LocalArgument`,name:`cursor`}],t=[{kind:`Variable`,name:`after`,variableName:`cursor`},{kind:`Variable`,name:`first`,variableName:`count`},{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`NoticesPaginationQuery`,selections:[{args:[{kind:`Variable`,name:`count`,variableName:`count`},{kind:`Variable`,name:`cursor`,variableName:`cursor`}],kind:`FragmentSpread`,name:`Notices_notices`}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`NoticesPaginationQuery`,selections:[{alias:null,args:t,concreteType:`NoticeConnection`,kind:`LinkedField`,name:`notices`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`NoticeEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Notice`,kind:`LinkedField`,name:`node`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`channel`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`recipient`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`deliveredAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`failedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`attempts`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:null},{alias:null,args:t,filters:[`orderBy`],handle:`connection`,key:`Notices_notices`,kind:`LinkedHandle`,name:`notices`}]},params:{cacheID:`6e8bab555b266bcffb933a28519ed3ca`,id:null,metadata:{},name:`NoticesPaginationQuery`,operationKind:`query`,text:`query NoticesPaginationQuery(
  $count: Int = 50
  $cursor: Cursor
) {
  ...Notices_notices_1G22uz
}

fragment Notices_notices_1G22uz on Query {
  notices(first: $count, after: $cursor, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    edges {
      node {
        id
        kind
        channel
        recipient
        createdAt
        deliveredAt
        failedAt
        attempts
        lastError
        __typename
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
`}}})();s.hash=`2fb7b5bb4d0df6b9b185902a9a05cdf3`;var c=(function(){var e=[`notices`];return{argumentDefinitions:[{defaultValue:50,kind:`LocalArgument`,name:`count`},{defaultValue:null,kind:`LocalArgument`,name:`cursor`}],kind:`Fragment`,metadata:{connection:[{count:`count`,cursor:`cursor`,direction:`forward`,path:e}],refetch:{connection:{forward:{count:`count`,cursor:`cursor`},backward:null,path:e},fragmentPathInResult:[],operation:s}},name:`Notices_notices`,selections:[{alias:`notices`,args:[{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}}],concreteType:`NoticeConnection`,kind:`LinkedField`,name:`__Notices_notices_connection`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`NoticeEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Notice`,kind:`LinkedField`,name:`node`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`channel`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`recipient`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`deliveredAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`failedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`attempts`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:`__Notices_notices_connection(orderBy:{"direction":"DESC","field":"CREATED_AT"})`}],type:`Query`,abstractKey:null}})();c.hash=`2fb7b5bb4d0df6b9b185902a9a05cdf3`;var l=n(),u=o;function d(){let t=(0,e.default)(u,{},{fetchPolicy:`store-and-network`});return r(t.viewer),(0,l.jsxs)(`section`,{children:[(0,l.jsxs)(`div`,{className:`page-head`,children:[(0,l.jsx)(`h1`,{children:`Notices`}),(0,l.jsx)(`p`,{className:`muted`,children:`What was sent to whom, and whether it arrived.`})]}),(0,l.jsx)(f,{query:t})]})}function f({query:e}){let{data:n,loadNext:r,hasNext:o,isLoadingNext:s}=(0,t.default)(c,e),u=(n.notices.edges??[]).flatMap(e=>e?.node?[e.node]:[]);return u.length===0?(0,l.jsx)(a,{children:`No notices yet.`}):(0,l.jsxs)(l.Fragment,{children:[(0,l.jsx)(`div`,{className:`table-wrap`,children:(0,l.jsxs)(`table`,{children:[(0,l.jsx)(`thead`,{children:(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`th`,{scope:`col`,children:`Created`}),(0,l.jsx)(`th`,{scope:`col`,children:`Kind`}),(0,l.jsx)(`th`,{scope:`col`,children:`Channel`}),(0,l.jsx)(`th`,{scope:`col`,children:`Recipient`}),(0,l.jsx)(`th`,{scope:`col`,children:`Delivery`}),(0,l.jsx)(`th`,{scope:`col`,className:`num`,children:`Attempts`}),(0,l.jsx)(`th`,{scope:`col`,children:`Last error`})]})}),(0,l.jsx)(`tbody`,{children:u.map(e=>(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`td`,{children:(0,l.jsx)(i,{value:e.createdAt})}),(0,l.jsx)(`td`,{children:e.kind}),(0,l.jsx)(`td`,{children:e.channel}),(0,l.jsx)(`td`,{className:`mono`,children:e.recipient}),(0,l.jsxs)(`td`,{children:[e.deliveredAt?(0,l.jsx)(`span`,{className:`badge badge-active`,children:`delivered`}):e.failedAt?(0,l.jsx)(`span`,{className:`badge badge-rejected`,children:`failed`}):(0,l.jsx)(`span`,{className:`badge badge-pending`,children:`queued`}),` `,(0,l.jsx)(i,{value:e.deliveredAt??e.failedAt,fallback:``})]}),(0,l.jsx)(`td`,{className:`num`,children:e.attempts}),(0,l.jsx)(`td`,{className:`muted`,children:e.lastError??``})]},e.id))})]})}),(0,l.jsxs)(`div`,{className:`pager`,children:[(0,l.jsxs)(`span`,{className:`muted`,children:[u.length,` of `,n.notices.totalCount]}),o&&(0,l.jsx)(`button`,{type:`button`,onClick:()=>r(50),disabled:s,children:s?`Loading…`:`Show more`})]})]})}export{d as default};