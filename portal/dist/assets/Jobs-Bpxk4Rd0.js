import{a as e,l as t,o as n,p as r,r as i,t as a}from"./jsx-runtime-CXqrrld7.js";import{E as o,T as s,h as c,w as l}from"./index-D6nKLD1m.js";var u=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={alias:null,args:null,concreteType:`SchedulerJob`,kind:`LinkedField`,name:`schedulerJobs`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`schedule`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunStartedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunCompletedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`nextRun`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`running`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunReplica`,storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`JobsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null}],storageKey:null},i],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`JobsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null}],storageKey:null},i]},params:{cacheID:`1acf45bcfef3fc6e9af4b72179678d22`,id:null,metadata:{},name:`JobsQuery`,operationKind:`query`,text:`query JobsQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  schedulerJobs {
    name
    schedule
    lastRunStartedAt
    lastRunCompletedAt
    nextRun
    lastError
    running
    lastRunReplica
  }
}
`}}})();u.hash=`f334b8f846ca090860b334a221d06928`;var d=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`name`}],t=[{alias:null,args:[{kind:`Variable`,name:`name`,variableName:`name`}],concreteType:`SchedulerJob`,kind:`LinkedField`,name:`runJob`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunStartedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastRunCompletedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`running`,storageKey:null}],storageKey:null}];return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`JobsRunMutation`,selections:t,type:`Mutation`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`JobsRunMutation`,selections:t},params:{cacheID:`2aec171a33fa65f57f5a0400688afdfa`,id:null,metadata:{},name:`JobsRunMutation`,operationKind:`mutation`,text:`mutation JobsRunMutation(
  $name: String!
) {
  runJob(name: $name) {
    name
    lastRunStartedAt
    lastRunCompletedAt
    lastError
    running
  }
}
`}}})();d.hash=`c546a465ddb5b1b934c7755ac6fbe2b5`;var f=r(),p=a(),m=u,h=d;function g(){let r=(0,e.default)(m,{},{fetchPolicy:`store-and-network`});o(r.viewer);let a=(0,t.default)(),[u]=(0,n.default)(h),[d,g]=(0,f.useState)(null),[_,v]=(0,f.useState)(null),[y,b]=(0,f.useState)(null),x=e=>{g(e),v(null),b(null),u({variables:{name:e},onCompleted:t=>{g(null),b(t.runJob.lastError?`${e} ran and failed: ${t.runJob.lastError}`:`${e} ran.`),(0,i.fetchQuery)(a,m,{},{fetchPolicy:`network-only`}).subscribe({})},onError:e=>{g(null),v(e)}})};return(0,p.jsxs)(`section`,{children:[(0,p.jsxs)(`div`,{className:`page-head`,children:[(0,p.jsx)(`h1`,{children:`Scheduler jobs`}),(0,p.jsx)(`p`,{className:`muted`,children:`Times in your zone; hover for UTC.`})]}),(0,p.jsx)(s,{error:_}),y&&(0,p.jsx)(`p`,{className:`ok`,role:`status`,children:y}),r.schedulerJobs.length===0?(0,p.jsx)(l,{children:`This server runs no jobs (started with --no-scheduler).`}):(0,p.jsx)(`div`,{className:`table-wrap`,children:(0,p.jsxs)(`table`,{children:[(0,p.jsx)(`thead`,{children:(0,p.jsxs)(`tr`,{children:[(0,p.jsx)(`th`,{scope:`col`,children:`Job`}),(0,p.jsx)(`th`,{scope:`col`,children:`Schedule`}),(0,p.jsx)(`th`,{scope:`col`,children:`Last run`}),(0,p.jsx)(`th`,{scope:`col`,children:`Next run`}),(0,p.jsx)(`th`,{scope:`col`,children:`Last error`}),(0,p.jsx)(`th`,{scope:`col`,children:(0,p.jsx)(`span`,{className:`sr-only`,children:`Run`})})]})}),(0,p.jsx)(`tbody`,{children:r.schedulerJobs.map(e=>(0,p.jsxs)(`tr`,{"data-job":e.name,children:[(0,p.jsx)(`td`,{className:`mono`,children:e.name}),(0,p.jsx)(`td`,{className:`mono`,children:e.schedule}),(0,p.jsxs)(`td`,{children:[e.running?(0,p.jsx)(`span`,{className:`badge badge-pending`,children:`running`}):(0,p.jsx)(c,{value:e.lastRunCompletedAt??e.lastRunStartedAt,fallback:`never`}),e.lastRunReplica&&(0,p.jsx)(`div`,{className:`muted`,children:e.lastRunReplica})]}),(0,p.jsx)(`td`,{children:(0,p.jsx)(c,{value:e.nextRun})}),(0,p.jsx)(`td`,{className:e.lastError?`field-error`:`muted`,children:e.lastError??`none`}),(0,p.jsx)(`td`,{children:(0,p.jsx)(`button`,{type:`button`,className:`small`,onClick:()=>x(e.name),disabled:d!==null,"aria-label":`Run ${e.name} now`,children:d===e.name?`Running…`:`Run now`})})]},e.name))})]})})]})}export{g as default};