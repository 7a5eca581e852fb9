import{a as e,p as t,s as n,t as r}from"./jsx-runtime-CXqrrld7.js";import{D as i,E as a,h as o,k as s,m as c,p as l,w as u}from"./index-D6nKLD1m.js";var d=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`statuses`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a=[{kind:`Literal`,name:`first`,value:50},{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}},{fields:[{kind:`Variable`,name:`statusIn`,variableName:`statuses`}],kind:`ObjectValue`,name:`where`}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`TeamLeasesQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},{args:[{kind:`Variable`,name:`statuses`,variableName:`statuses`}],kind:`FragmentSpread`,name:`TeamLeases_leases`}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`TeamLeasesQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusMessage`,storageKey:null},{alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,n],storageKey:null},{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[t],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:null},{alias:null,args:a,filters:[`where`,`orderBy`],handle:`connection`,key:`TeamLeases_leases`,kind:`LinkedHandle`,name:`leases`}]},params:{cacheID:`c5c273af54814065a71f027a0581776a`,id:null,metadata:{},name:`TeamLeasesQuery`,operationKind:`query`,text:`query TeamLeasesQuery(
  $statuses: [LeaseStatus!]
) {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  ...TeamLeases_leases_26XTTN
}

fragment TeamLeases_leases_26XTTN on Query {
  leases(first: 50, where: {statusIn: $statuses}, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    edges {
      node {
        id
        status
        awaitingApproval
        createdAt
        endsAt
        endedAt
        statusMessage
        requested {
          sku
          quantity
        }
        owner {
          id
          name
        }
        allocations {
          id
        }
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
`}}})();d.hash=`bc01dc4107de2961529eeb277a3d1bd6`;var f=(function(){var e=[{defaultValue:50,kind:`LocalArgument`,name:`count`},{defaultValue:null,kind:`LocalArgument`,name:`cursor`},{defaultValue:null,kind:`LocalArgument`,name:`statuses`}],t=[{kind:`Variable`,name:`after`,variableName:`cursor`},{kind:`Variable`,name:`first`,variableName:`count`},{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}},{fields:[{kind:`Variable`,name:`statusIn`,variableName:`statuses`}],kind:`ObjectValue`,name:`where`}],n={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`TeamLeasesPaginationQuery`,selections:[{args:[{kind:`Variable`,name:`count`,variableName:`count`},{kind:`Variable`,name:`cursor`,variableName:`cursor`},{kind:`Variable`,name:`statuses`,variableName:`statuses`}],kind:`FragmentSpread`,name:`TeamLeases_leases`}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`TeamLeasesPaginationQuery`,selections:[{alias:null,args:t,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusMessage`,storageKey:null},{alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[n,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[n],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:null},{alias:null,args:t,filters:[`where`,`orderBy`],handle:`connection`,key:`TeamLeases_leases`,kind:`LinkedHandle`,name:`leases`}]},params:{cacheID:`886409fba4e66507b99e5be7a76a70b5`,id:null,metadata:{},name:`TeamLeasesPaginationQuery`,operationKind:`query`,text:`query TeamLeasesPaginationQuery(
  $count: Int = 50
  $cursor: Cursor
  $statuses: [LeaseStatus!]
) {
  ...TeamLeases_leases_3sJIp0
}

fragment TeamLeases_leases_3sJIp0 on Query {
  leases(first: $count, after: $cursor, where: {statusIn: $statuses}, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    edges {
      node {
        id
        status
        awaitingApproval
        createdAt
        endsAt
        endedAt
        statusMessage
        requested {
          sku
          quantity
        }
        owner {
          id
          name
        }
        allocations {
          id
        }
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
`}}})();f.hash=`92fb1aa772ad7f63ec10e49bed6ab8cb`;var p=(function(){var e=[`leases`],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null};return{argumentDefinitions:[{defaultValue:50,kind:`LocalArgument`,name:`count`},{defaultValue:null,kind:`LocalArgument`,name:`cursor`},{defaultValue:null,kind:`LocalArgument`,name:`statuses`}],kind:`Fragment`,metadata:{connection:[{count:`count`,cursor:`cursor`,direction:`forward`,path:e}],refetch:{connection:{forward:{count:`count`,cursor:`cursor`},backward:null,path:e},fragmentPathInResult:[],operation:f}},name:`TeamLeases_leases`,selections:[{alias:`leases`,args:[{kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}},{fields:[{kind:`Variable`,name:`statusIn`,variableName:`statuses`}],kind:`ObjectValue`,name:`where`}],concreteType:`LeaseConnection`,kind:`LinkedField`,name:`__TeamLeases_leases_connection`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusMessage`,storageKey:null},{alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[t],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:null}],type:`Query`,abstractKey:null}})();p.hash=`92fb1aa772ad7f63ec10e49bed6ab8cb`;var m=t(),h=r(),g=d,_=[{label:`Current`,statuses:[`PENDING`,`ACTIVE`]},{label:`Ended`,statuses:[`RETURNED`,`EXPIRED`,`REJECTED`]},{label:`All`,statuses:null}];function v(){let[t,n]=(0,m.useState)(0),[,r]=(0,m.useTransition)(),o=(0,e.default)(g,{statuses:_[t].statuses},{fetchPolicy:`store-and-network`});a(o.viewer);let{viewer:s}=i();return(0,h.jsxs)(`section`,{children:[(0,h.jsxs)(`div`,{className:`page-head`,children:[(0,h.jsx)(`h1`,{children:`Team leases`}),(0,h.jsx)(`p`,{className:`muted`,children:s.role===`ADMIN`?`Everyone’s leases`:`Leases of cost center ${s.costCenter??``}`})]}),(0,h.jsx)(`div`,{className:`filters`,role:`group`,"aria-label":`Show`,children:_.map((e,i)=>(0,h.jsx)(`button`,{type:`button`,className:i===t?`primary`:``,"aria-pressed":i===t,onClick:()=>r(()=>n(i)),children:e.label},e.label))}),(0,h.jsx)(y,{query:o})]})}function y({query:e}){let{data:t,loadNext:r,hasNext:i,isLoadingNext:a}=(0,n.default)(p,e),d=(t.leases.edges??[]).flatMap(e=>e?.node?[e.node]:[]);return d.length===0?(0,h.jsx)(u,{children:`No leases.`}):(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(`div`,{className:`table-wrap`,children:(0,h.jsxs)(`table`,{children:[(0,h.jsx)(`thead`,{children:(0,h.jsxs)(`tr`,{children:[(0,h.jsx)(`th`,{scope:`col`,children:`Lease`}),(0,h.jsx)(`th`,{scope:`col`,children:`Who`}),(0,h.jsx)(`th`,{scope:`col`,children:`What`}),(0,h.jsx)(`th`,{scope:`col`,children:`Status`}),(0,h.jsx)(`th`,{scope:`col`,children:`Asked`}),(0,h.jsx)(`th`,{scope:`col`,children:`Ends / ended`})]})}),(0,h.jsx)(`tbody`,{children:d.map(e=>(0,h.jsxs)(`tr`,{children:[(0,h.jsx)(`td`,{children:(0,h.jsx)(s,{to:`/leases/${e.id}`,children:e.id})}),(0,h.jsx)(`td`,{children:e.owner.name}),(0,h.jsxs)(`td`,{children:[e.requested.map(e=>`${e.quantity} × ${e.sku}`).join(`, `),(0,h.jsxs)(`span`,{className:`muted`,children:[` · `,e.allocations.length,` items`]})]}),(0,h.jsx)(`td`,{children:(0,h.jsx)(c,{value:e.status,awaiting:e.awaitingApproval})}),(0,h.jsx)(`td`,{children:(0,h.jsx)(o,{value:e.createdAt})}),(0,h.jsx)(`td`,{children:e.status===`ACTIVE`?(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(o,{value:e.endsAt}),` · `,(0,h.jsx)(l,{until:e.endsAt})]}):(0,h.jsx)(o,{value:e.endedAt})})]},e.id))})]})}),(0,h.jsxs)(`div`,{className:`pager`,children:[(0,h.jsxs)(`span`,{className:`muted`,children:[d.length,` of `,t.leases.totalCount]}),i&&(0,h.jsx)(`button`,{type:`button`,onClick:()=>r(50),disabled:a,children:a?`Loading…`:`Show more`})]})]})}export{v as default};